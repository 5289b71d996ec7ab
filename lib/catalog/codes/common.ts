import { z } from "zod";
import { countValue, defineEntry, nonEmptyText, openDetails, timeValue } from "../define";
import { formatCount, formatUtc, quote, relativeToEvent, toEpochMs } from "../format";
import type { CatalogEntry, DetailNote } from "../types";
import { describeFieldNames, describeFieldProblems, fieldProblems, fieldsValue } from "./validation-fields";

const base = { family: "common", origin: "api" } as const;

export const commonEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.bad_request",
    httpStatus: 400,
    title: "Bad request",
    meaning: "Generic input rejection (e.g. malformed Idempotency-Key)",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "A malformed Idempotency-Key header — wrong length or characters, or a value reused as a template string.",
      "A body that is not valid JSON, or is sent with a Content-Type that does not match it.",
      "On Errata's ingest, a body that cannot be parsed as JSON or as one JSON object per line.",
    ],
    customerReply:
      "We couldn't process this request because part of it was malformed — for example the Idempotency-Key header or the request body. If the error message doesn't make it clear which part, let us know and we'll point it out.",
    engineerChecks: [
      "Read the envelope's message and details for which input was rejected.",
      "Check how the client generates Idempotency-Key: one fresh UUID per logical operation, reused only on retries of that operation.",
      "Run the captured request body through a strict JSON parser to find truncation or encoding problems.",
    ],
    retry: { verdict: "after_fix", advice: "Resending the same bytes gets the same answer; fix the malformed part first." },
  }),
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.unauthorized",
    httpStatus: 401,
    title: "No credential",
    meaning: "No credential in the request",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The client followed a redirect (http→https, or a trailing-slash redirect) and dropped the Authorization header on the way.",
      "The environment variable holding the key is empty in this deployment, so the client sends no header at all.",
      "A proxy, gateway or CDN in front of the API strips the Authorization header.",
    ],
    customerReply:
      "This request reached us without an API key. Please make sure every request includes the header \"Authorization: Bearer <your key>\". If your code already sets it, a redirect or proxy between you and us may be removing it — sending requests to the exact https:// address from our documentation usually fixes that.",
    engineerChecks: [
      "Check the caller's HTTP log for a 3xx just before this error; most clients drop Authorization when following redirects.",
      "Confirm the key's environment variable is set in the deployment that sent this request.",
      "For a service sending events to Errata, confirm it sends `Authorization: Bearer` with an ingest key on every request.",
    ],
    retry: { verdict: "after_fix", advice: "Add the credential, then resend; without it the request never succeeds." },
  }),
  defineEntry({
    ...base,
    returnedByErrata: false,
    code: "common.forbidden",
    httpStatus: 403,
    title: "Forbidden",
    meaning: "Generic deny — typically insufficient credits, see details",
    detailsFields: [
      { name: "reason", type: "string (optional)", meaning: "Why the request was denied, when the API says; other keys may carry credit figures.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ reason: z.string().optional() }),
    causes: [
      "The organization does not have enough credits for the action, such as registering a work.",
      "The action is not included in the organization's plan.",
      "Another policy denial that has no dedicated code; details says which.",
    ],
    customerReply:
      "We understood the request, but your account isn't allowed to perform it right now — most often because there aren't enough credits for this action. Please check your credit balance in the dashboard; if it looks sufficient, let us know and we'll investigate.",
    engineerChecks: [
      "Read details: for a credit denial, compare what the action costs with the organization's balance at the event's time.",
      "Check for a recent top-up that has not been applied yet, such as a pending payment.",
    ],
    retry: { verdict: "after_fix", advice: "Retrying does not change the decision; resolve the cause (e.g. add credits) first." },
    explain: (details) => {
      const notes: DetailNote[] = Object.entries(details).flatMap(([field, value]) =>
        ["string", "number", "boolean"].includes(typeof value)
          ? [{ field, value: String(value), note: field === "reason" ? "Why the request was denied." : "Reported by the API in details." }]
          : [],
      );
      if (!details.reason) return { notes };
      return {
        summary: `The request was denied: ${quote(details.reason)}.`,
        notes,
        customerReply: `We understood the request, but it was refused (${quote(details.reason)}). If this concerns credits, please check your balance in the dashboard; if it looks sufficient, let us know and we'll investigate.`,
      };
    },
  }),
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.not_found",
    httpStatus: 404,
    title: "Not found",
    meaning: "Generic not-found — resource named in details.resource",
    detailsFields: [{ name: "resource", type: "string", meaning: "Kind of resource that was not found (e.g. \"work\", \"event\").", customerSafe: true }],
    detailsSchema: z.looseObject({ resource: nonEmptyText }),
    causes: [
      "The id refers to something that was deleted, or never existed (a typo, or an id from a stale cache).",
      "The resource exists, but under another organization or environment than the caller's key.",
      "On Errata's read API: no event with that request_id has been ingested (yet).",
    ],
    customerReply:
      "We couldn't find what this request refers to. Please check the ID you used — and that it belongs to the same organization and environment as your API key — and let us know if it should exist.",
    engineerChecks: [
      "Look the id up across organizations and environments; a hit elsewhere explains the 404.",
      "Check deletion history for the resource around the event's time.",
    ],
    retry: { verdict: "after_fix", advice: "Retrying the same id returns the same 404 unless it was created a moment ago; correct the id first." },
    explain: ({ resource }) => ({
      summary: `The ${resource} the request refers to was not found.`,
      notes: [{ field: "resource", value: resource, note: "Kind of resource that was not found." }],
      customerReply: `We couldn't find the ${resource} this request refers to. Please check the ID you used — and that it belongs to the same organization and environment as your API key — and let us know if the ${resource} should exist.`,
    }),
  }),
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.validation_failed",
    httpStatus: 422,
    title: "Validation failed",
    meaning: "Field-level validation failures — details.fields",
    detailsFields: [
      { name: "fields", type: "[{path|field, message}] or {path: message}", meaning: "Each field that failed validation, by path, with the reason.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ fields: fieldsValue }),
    causes: [
      "One or more body fields break their rules (type, length, format); details.fields names each one.",
      "The client was built against an older schema and misses a field that is now required.",
      "On Errata's ingest, one invalid event rejects the whole batch (paths like events[3].code).",
    ],
    customerReply:
      "Some fields in the request didn't pass validation, so nothing was saved. The error lists each field and what was wrong with it; once those are corrected, please send the request again.",
    engineerChecks: [
      "Read details.fields and fix every field it names, not only the first.",
      "For batches, remember nothing was stored: after fixing, resend the whole batch.",
    ],
    retry: { verdict: "after_fix", advice: "Fix the listed fields, then resend; unchanged input fails identically." },
    explain: ({ fields }) => {
      const problems = fieldProblems(fields);
      const noun = problems.length === 1 ? "field" : "fields";
      return {
        summary: `Validation failed on ${problems.length} ${noun}: ${describeFieldProblems(problems)}.`,
        notes: problems.map((p) => ({ field: `fields.${p.path}`, value: p.path, note: p.message ?? "Failed validation." })),
        customerReply: `Some fields in the request didn't pass validation, so nothing was saved: ${describeFieldNames(problems)}. Once those are corrected, please send the request again.`,
        retryAdvice: `Fix ${describeFieldNames(problems)}, then resend; unchanged input fails identically.`,
      };
    },
  }),
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.quota_exceeded",
    httpStatus: 429,
    title: "Quota exceeded",
    meaning: "Freemium quota reached — details.limit, details.used, details.resets_at",
    detailsFields: [
      { name: "limit", type: "integer", meaning: "Requests or actions allowed in the current period.", customerSafe: true },
      { name: "used", type: "integer", meaning: "How many were used in the current period.", customerSafe: true },
      { name: "resets_at", type: "ISO-8601 time", meaning: "When the quota resets.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ limit: countValue, used: countValue, resets_at: timeValue }),
    causes: [
      "The organization used its full free-tier allowance for the period.",
      "A runaway job or a retry loop without backoff burned through the quota.",
      "On Errata's ingest, the sending key exceeded its rate limit.",
    ],
    customerReply:
      "Your account has reached its usage quota for the current period, so further requests are paused until it resets. If you need more capacity before then, we're happy to talk about upgrading your plan.",
    engineerChecks: [
      "Compare used against limit and look at what consumed the quota — the same payload repeated many times points to a retry loop.",
      "Check whether the client honours the Retry-After header and details.resets_at instead of retrying immediately.",
    ],
    retry: { verdict: "after_reset", advice: "Wait until details.resets_at (or the Retry-After header) before retrying; earlier retries are refused and add nothing." },
    explain: ({ limit, used, resets_at }, event) => {
      const resetMs = toEpochMs(resets_at);
      const when = formatUtc(resetMs);
      const relative = event.occurredAt === undefined ? "" : ` (${relativeToEvent(resetMs, event.occurredAt)})`;
      return {
        summary: `The quota is used up: ${formatCount(used)} of ${formatCount(limit)} used; it resets at ${when}${relative}.`,
        notes: [
          { field: "used", value: formatCount(used), note: `Used in the current period, out of ${formatCount(limit)}.` },
          { field: "limit", value: formatCount(limit), note: "Allowed in the current period." },
          { field: "resets_at", value: when, note: `When the quota resets${relative}.` },
        ],
        customerReply: `Your account has used ${formatCount(used)} of its ${formatCount(limit)} allowance for the current period, so further requests are paused until the quota resets at ${when}. If you need more capacity before then, we're happy to talk about upgrading your plan.`,
        retryAdvice: `Wait until ${when}${relative} before retrying (or follow Retry-After if the response carried one); earlier retries are refused.`,
      };
    },
  }),
  defineEntry({
    ...base,
    returnedByErrata: true,
    code: "common.service_unavailable",
    httpStatus: 503,
    title: "Service unavailable",
    meaning: "Upstream temporarily down — retry with backoff",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "An upstream dependency — the chain node, storage, or another internal service — is down or overloaded.",
      "A deploy or maintenance window briefly took capacity away.",
      "On Errata, the database was busy or unreachable when the request arrived.",
    ],
    customerReply:
      "A service we depend on was briefly unavailable, so we couldn't complete your request. Please try again in a few minutes; if you retry automatically, spacing the attempts out helps it go through.",
    engineerChecks: [
      "Check upstream monitoring (chain node, storage) for an incident at the event's time.",
      "See whether these errors cluster in a few minutes (an outage) or spread evenly (a capacity problem).",
    ],
    retry: {
      verdict: "yes_backoff",
      advice: "Retry with exponential backoff and jitter (about 1 s, 2 s, 4 s … capped near a minute), honouring Retry-After; send the same Idempotency-Key so a retried registration cannot be recorded twice.",
    },
  }),
];
