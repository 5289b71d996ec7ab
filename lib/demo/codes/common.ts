import type { Random } from "../random";
import type { CodeSpec, EventContext, Plan } from "./types";

const DAY_MS = 86_400_000;

const quotas: Record<Plan, { limit: number; period: "day" | "month" }> = {
  free: { limit: 100, period: "day" },
  team: { limit: 5_000, period: "day" },
  enterprise: { limit: 250_000, period: "month" },
};

/** Quotas reset at the next UTC midnight or the first of the next month, as ISO-8601. */
function resetAfter(occurredAt: number, period: "day" | "month"): string {
  const at = new Date(occurredAt);
  const reset =
    period === "day"
      ? Math.floor(occurredAt / DAY_MS) * DAY_MS + DAY_MS
      : Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
  return new Date(reset).toISOString();
}

/** The quota details for one refused call; the spike reuses them. */
export function quotaEnvelope(random: Random, { plan, occurredAt }: EventContext) {
  const { limit, period } = quotas[plan];
  const used = limit + random.int(0, Math.ceil(limit * 0.02));
  return {
    message: `${period === "day" ? "Daily" : "Monthly"} quota of ${limit.toLocaleString("en-US")} requests exceeded`,
    details: { limit, used, resets_at: resetAfter(occurredAt, period) },
  };
}

const fieldProblems = [
  { path: "creators[0].share", message: "must be between 0 and 100" },
  { path: "creators", message: "shares must add up to 100" },
  { path: "creators[1].role", message: "must be one of composer, lyricist, performer, producer" },
  { path: "isrc", message: "must look like CC-XXX-YY-NNNNN" },
  { path: "release_date", message: "must be an ISO-8601 date" },
  { path: "title", message: "must be at most 200 characters" },
  { path: "language", message: "must be an ISO 639-1 code" },
  { path: "duration_seconds", message: "must be a positive integer" },
];

function someFields(random: Random) {
  const count = random.weighted([
    { value: 1, weight: 6 },
    { value: 2, weight: 3 },
    { value: 3, weight: 1 },
  ]);
  const start = random.int(0, fieldProblems.length - 1);
  return [...fieldProblems.slice(start), ...fieldProblems].slice(0, count);
}

const resources = ["work", "registration", "upload", "creator"] as const;

/** The shared `common.*` codes plus a few codes the catalog does not know (yet). */
export const commonSpecs: readonly CodeSpec[] = [
  {
    code: "common.bad_request",
    httpStatus: 400,
    weight: 3,
    routes: "any",
    build: (random) =>
      random.chance(0.7)
        ? { message: "Idempotency-Key must be 16-64 characters of A-Z a-z 0-9 - _", details: { header: "Idempotency-Key" } }
        : { message: "Request body is not valid JSON", details: {} },
  },
  {
    code: "common.unauthorized",
    httpStatus: 401,
    weight: 10,
    routes: "any",
    build: () => ({ message: "Missing Authorization header", details: {} }),
  },
  {
    code: "common.forbidden",
    httpStatus: 403,
    weight: 4,
    routes: "registrationWrite",
    build: (random) => ({
      message: "Insufficient credits to register a work",
      details: { reason: "insufficient_credits", credits_required: random.int(1, 3), credits_available: 0 },
    }),
  },
  {
    code: "common.not_found",
    httpStatus: 404,
    weight: 5,
    routes: "lookup",
    build: (random) => {
      const resource = random.pick(resources);
      return { message: `${resource[0]?.toUpperCase()}${resource.slice(1)} not found`, details: { resource } };
    },
  },
  {
    code: "common.validation_failed",
    httpStatus: 422,
    weight: 12,
    routes: "registrationInput",
    build: (random) => {
      const fields = someFields(random);
      return { message: `Validation failed for ${fields.length} field${fields.length === 1 ? "" : "s"}`, details: { fields } };
    },
  },
  {
    code: "common.quota_exceeded",
    httpStatus: 429,
    weight: 9,
    routes: "metered",
    build: quotaEnvelope,
    offShape: {
      rate: 0.005,
      service: "legacy-gateway",
      build: (random, { plan }) => ({
        message: "Rate limit exceeded",
        details: { limit: `${quotas[plan].limit}/${quotas[plan].period}`, retry_after: random.int(30, 3600) },
      }),
    },
  },
  {
    code: "common.service_unavailable",
    httpStatus: 503,
    weight: 1.5,
    routes: "any",
    build: (random) => {
      const upstream = random.pick(["chain-node", "object-storage", "search-index"]);
      return { message: `Upstream ${upstream} temporarily unavailable; retry with backoff`, details: { upstream } };
    },
  },
  // Not in the catalog: newer emitters ship codes before anyone documents them.
  {
    code: "upload.checksum_mismatch",
    httpStatus: 422,
    weight: 0.15,
    routes: "audio",
    build: (random) => ({
      message: "Uploaded audio does not match the declared SHA-256 checksum",
      details: { expected_sha256: random.hex(64), actual_sha256: random.hex(64) },
    }),
  },
  {
    code: "registration.isrc_conflict",
    httpStatus: 409,
    weight: 0.1,
    routes: "prepare",
    build: (random) => ({
      message: "A registration with this ISRC already exists",
      details: { isrc: `GB-${random.hex(3).toUpperCase()}-25-${String(random.int(0, 99_999)).padStart(5, "0")}`, existing_registration_id: `reg_${random.hex(16)}` },
    }),
  },
  {
    code: "common.gateway_timeout",
    httpStatus: 504,
    weight: 0.08,
    routes: "any",
    build: () => ({ message: "Upstream request timed out after 30 s", details: {} }),
  },
];
