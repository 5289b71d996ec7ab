import { describe, expect, it } from "vitest";
import type { EventRecord } from "@/lib/envelope/event-json";
import { replyToCustomer } from "./customer-reply";
import { catalogEntries, explainEvent, findCatalogEntry } from "./index";

/**
 * One event per row: its details, and what the customer reply must say for each customer-safe
 * field (as a reader sees it: "70 MiB", not 73400320). Every catalogued code with documented details
 * needs a row; codes without documented details are covered below from the catalog itself.
 */
interface ReplySample {
  code: string;
  details: Record<string, unknown>;
  mentions: Record<string, string[]>;
}

const at = (iso: string) => Date.parse(iso);
/** A stack trace and a host name, as emitters leak them into details: never for the customer. */
const INTERNAL_EXTRAS = { stack: "Error: boom\n    at handler (/srv/registrations-api/src/upload.ts:88:13)", host: "db-primary-3.internal" };

const SAMPLES: ReplySample[] = [
  { code: "api_key.scope_denied", details: { required: "registrations:write" }, mentions: { required: ['"registrations:write"'] } },
  { code: "api_key.scope_denied", details: { required: ["works:read", "works:write"] }, mentions: { required: ['"works:read" and "works:write"'] } },
  { code: "registration.audio_too_large", details: { size_bytes: 73400320, max_bytes: 52428800 }, mentions: { size_bytes: ["70 MiB"], max_bytes: ["50 MiB"] } },
  { code: "registration.dry_run_failed", details: { reason: "insufficient balance to register work" }, mentions: { reason: ['"insufficient balance to register work"'] } },
  { code: "api_key.unknown_scope", details: { value: "registrations:wirte" }, mentions: { value: ['"registrations:wirte"'] } },
  { code: "api_key.webhook_url_invalid", details: { reason: "scheme must be http or https" }, mentions: { reason: ['"scheme must be http or https"'] } },
  { code: "api_key.limit_reached", details: { max: 10 }, mentions: { max: ["10 API keys"] } },
  {
    code: "common.forbidden",
    details: { reason: "insufficient credits", balance: 137, ...INTERNAL_EXTRAS },
    mentions: { reason: ['"insufficient credits"'] },
  },
  { code: "common.not_found", details: { resource: "work" }, mentions: { resource: ["the work"] } },
  {
    code: "common.validation_failed",
    details: { fields: [{ path: "title", message: "must not be empty" }, { path: ["creators", 0, "role"], message: "unknown role" }] },
    mentions: { fields: ["title and creators[0].role"] },
  },
  {
    code: "common.quota_exceeded",
    details: { limit: 1000, used: 1000, resets_at: "2026-11-26T14:00:00Z" },
    mentions: { limit: ["1,000 allowance"], used: ["used 1,000"], resets_at: ["2026-11-26 14:00 UTC"] },
  },
  { code: "auth.key_revoked", details: { prefix: "erk_ab12cd34", revoked_at: "2026-11-20T09:30:00Z" }, mentions: { revoked_at: ["2026-11-20 09:30 UTC"] } },
  { code: "auth.key_expired", details: { prefix: "erk_ef56gh78", expired_at: at("2026-11-01T00:00:00Z") }, mentions: { expired_at: ["2026-11-01 00:00 UTC"] } },
  { code: "auth.scope_denied", details: { required: "ingest", granted: ["read"] }, mentions: { required: ['needs "ingest"'], granted: ['only has "read"'] } },
  { code: "auth.signature_invalid", details: { reason: "missing" }, mentions: { reason: ["no Errata-Signature header"] } },
  { code: "auth.signature_invalid", details: { reason: "malformed" }, mentions: { reason: ["could not be read"] } },
  { code: "auth.signature_invalid", details: { reason: "mismatch" }, mentions: { reason: ["did not match the request body"] } },
  {
    code: "auth.signature_expired",
    details: { tolerance_seconds: 300, timestamp: at("2026-11-26T13:50:00Z") / 1000 },
    mentions: { tolerance_seconds: ["more than 5 minutes"], timestamp: ["signed at 2026-11-26 13:50 UTC"] },
  },
  {
    code: "auth.signature_expired",
    details: { tolerance_seconds: 300, timestamp: at("2026-11-26T13:50:00Z") },
    mentions: { tolerance_seconds: ["more than 5 minutes"], timestamp: [`${at("2026-11-26T13:50:00Z")}, looks like milliseconds`] },
  },
  { code: "ingest.payload_too_large", details: { size_bytes: 1572864, max_bytes: 1048576 }, mentions: { size_bytes: ["1.5 MiB"], max_bytes: ["1 MiB limit"] } },
  { code: "ingest.payload_too_large", details: { max_bytes: 1048576 }, mentions: { max_bytes: ["1 MiB limit"] } },
  { code: "ingest.too_many_events", details: { count: 2500, max: 1000 }, mentions: { count: ["2,500 events"], max: ["at most 1,000"] } },
  {
    code: "ingest.unsupported_media_type",
    details: { content_type: "text/plain", supported: ["application/json", "application/x-ndjson"] },
    mentions: { content_type: ['"text/plain"'], supported: ["application/json and application/x-ndjson"] },
  },
  {
    code: "ingest.unsupported_media_type",
    details: { content_type: null, supported: ["application/json"] },
    mentions: { content_type: ["without a Content-Type header"], supported: ["as application/json"] },
  },
];

/** Codes that document no details say the same for every event; internal extras must not leak into it. */
const STATIC_SAMPLES: ReplySample[] = catalogEntries
  .filter((entry) => entry.detailsFields.length === 0)
  .map((entry) => ({ code: entry.code, details: { ...INTERNAL_EXTRAS }, mentions: {} }));

const ASKS_FOR_THE_ID = /(send us|reply with|let us know) the request ID(?! from the (error|response))/i;

/** An event as stored, with every internal field filled in with something recognisable. */
function storedEvent(sample: ReplySample): EventRecord {
  return {
    requestId: "req_8a3f2c9d1e7b4a6f0c2d8e1f",
    orgId: "org_acme_music",
    code: sample.code,
    httpStatus: findCatalogEntry(sample.code)?.httpStatus ?? 500,
    message: "Upstream registrations-worker returned 502",
    details: sample.details,
    occurredAt: at("2026-11-26T14:02:37Z"),
    receivedAt: at("2026-11-26T14:02:38Z"),
    service: "registrations-api",
    method: "POST",
    path: "/internal/v2/uploads/commit",
    environment: "live",
    catalogFlag: null,
  };
}

function replyFor(event: EventRecord): string {
  return replyToCustomer(event, explainEvent(event).customerReply);
}

/** Values the reply must never carry: fields not marked customer-safe and details the catalog does not document. */
function internalValues(sample: ReplySample): string[] {
  const fields = findCatalogEntry(sample.code)?.detailsFields ?? [];
  return Object.entries(sample.details).flatMap(([name, value]) => {
    const field = fields.find((f) => f.name === name);
    if (field?.customerSafe) return [];
    return typeof value === "string" || typeof value === "number" ? [String(value)] : [];
  });
}

describe("customer replies: every catalogued code", () => {
  it("has a sample for every code with documented details", () => {
    const sampled = new Set(SAMPLES.map((s) => s.code));
    expect(catalogEntries.filter((e) => e.detailsFields.length > 0 && !sampled.has(e.code)).map((e) => e.code)).toEqual([]);
  });

  it.each([...SAMPLES, ...STATIC_SAMPLES].map((s) => [s.code, JSON.stringify(s.details), s] as const))(
    "%s %s",
    (code, _details, sample) => {
      const entry = findCatalogEntry(code);
      if (!entry) throw new Error(`${code} is not catalogued`);
      const event = storedEvent(sample);
      const explanation = explainEvent(event);
      expect(explanation.detailsCheck, "the sample must match the documented shape").toEqual({ status: "ok" });
      const reply = replyFor(event);

      // States the values a customer needs, each customer-safe field present in the event.
      for (const field of entry.detailsFields.filter((f) => f.customerSafe && sample.details[f.name] !== undefined)) {
        expect(sample.mentions[field.name], `no expected mention for ${field.name}`).toBeDefined();
      }
      for (const text of Object.values(sample.mentions).flat()) expect(reply).toContain(text);

      // The explanation for the agent uses every documented value the event carries.
      for (const field of entry.detailsFields.filter((f) => sample.details[f.name] !== undefined)) {
        expect(explanation.notes.some((n) => n.field === field.name || n.field.startsWith(`${field.name}.`)), `no note for ${field.name}`).toBe(true);
      }

      // Names the request the customer quoted, and nothing internal about it.
      expect(reply).toContain("req_8a3f2c9d1e7b4a6f0c2d8e1f");
      expect(reply).toContain("2026-11-26 14:02:37 UTC");
      for (const internal of [event.orgId, event.service, event.path, event.message, ...internalValues(sample), ...Object.values(INTERNAL_EXTRAS)]) {
        expect(reply).not.toContain(internal);
      }
      for (const field of entry.detailsFields.filter((f) => f.name.includes("_"))) expect(reply).not.toContain(field.name);
      expect(reply).not.toMatch(/details\.|request_id|org_id|is_active|revoked_at|erk_|\/srv\/|\.internal\b/);

      // It answers a ticket that quoted the id, so it never asks for that id again (a later failure's is fine).
      expect(reply).not.toMatch(ASKS_FOR_THE_ID);

      // Filled in completely.
      expect(reply).not.toMatch(/\{[^}]*\}|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);
    },
  );

  it("marks key prefixes, and only those, as not for the customer", () => {
    const withheld = catalogEntries.flatMap((e) => e.detailsFields.filter((f) => !f.customerSafe).map((f) => `${e.code}.${f.name}`));
    expect(withheld).toEqual(["auth.key_revoked.prefix", "auth.key_expired.prefix"]);
  });
});

describe("customer replies: codes the catalog does not know", () => {
  it("stay generic and say nothing from details", () => {
    const event = { ...storedEvent({ code: "billing.card_declined", details: INTERNAL_EXTRAS, mentions: {} }), httpStatus: 402 };
    const reply = replyFor(event);
    expect(reply).toContain("req_8a3f2c9d1e7b4a6f0c2d8e1f");
    for (const internal of [event.orgId, event.service, event.path, event.message, ...Object.values(INTERNAL_EXTRAS)]) expect(reply).not.toContain(internal);
    expect(reply).not.toMatch(ASKS_FOR_THE_ID);
  });
});
