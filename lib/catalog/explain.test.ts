import { describe, expect, it } from "vitest";
import { catalogFlagFor, checkDetails, explainEvent } from "./index";

const at = (iso: string) => Date.parse(iso);

describe("explanations with the event's values", () => {
  it("registration.audio_too_large states both sizes in binary units", () => {
    const ex = explainEvent({
      code: "registration.audio_too_large",
      httpStatus: 413,
      details: { size_bytes: 73400320, max_bytes: 52428800 },
    });
    expect(ex.summary.toLowerCase()).toContain("the upload was 70 mib; the limit is 50 mib");
    expect(ex.customerReply).toContain("70 MiB");
    expect(ex.customerReply).toContain("50 MiB");
    expect(ex.notes.map((n) => [n.field, n.value])).toEqual([
      ["size_bytes", "70 MiB"],
      ["max_bytes", "50 MiB"],
    ]);
    expect(ex.detailsCheck).toEqual({ status: "ok" });
  });

  it("api_key.scope_denied names the missing scope, as a string or a list", () => {
    const one = explainEvent({ code: "api_key.scope_denied", httpStatus: 403, details: { required: "registrations:write" } });
    expect(one.summary).toContain('"registrations:write"');
    expect(one.customerReply).toContain('"registrations:write"');
    const many = explainEvent({ code: "api_key.scope_denied", httpStatus: 403, details: { required: ["works:read", "works:write"] } });
    expect(many.summary).toContain('"works:read" and "works:write" scopes');
  });

  it("common.quota_exceeded gives used/limit and the reset time, absolute and relative to the event", () => {
    const ex = explainEvent({
      code: "common.quota_exceeded",
      httpStatus: 429,
      details: { limit: 1000, used: 1000, resets_at: "2026-11-26T14:00:00Z" },
      occurredAt: at("2026-11-26T11:00:00Z"),
    });
    expect(ex.summary).toContain("1,000 of 1,000 used");
    expect(ex.summary).toContain("2026-11-26 14:00 UTC");
    expect(ex.summary).toContain("3 hours after this error");
    expect(ex.retry.verdict).toBe("after_reset");
    expect(ex.retry.advice).toContain("2026-11-26 14:00 UTC");
    expect(ex.customerReply).toContain("2026-11-26 14:00 UTC");
    expect(ex.customerReply).not.toContain("this error");
  });

  it("common.quota_exceeded accepts epoch-millisecond reset times and works without occurredAt", () => {
    const ex = explainEvent({
      code: "common.quota_exceeded",
      httpStatus: 429,
      details: { limit: 50, used: 52, resets_at: at("2026-12-01T00:00:30Z") },
    });
    expect(ex.summary).toContain("2026-12-01 00:00:30 UTC");
    expect(ex.summary).not.toContain("this error");
  });

  it("api_key.limit_reached says the maximum", () => {
    const ex = explainEvent({ code: "api_key.limit_reached", httpStatus: 429, details: { max: 10 } });
    expect(ex.summary).toContain("maximum of 10 API keys");
    expect(ex.customerReply).toContain("10 API keys");
    expect(ex.retry.verdict).toBe("after_fix");
  });

  it("api_key.unknown_scope echoes the value", () => {
    const ex = explainEvent({ code: "api_key.unknown_scope", httpStatus: 422, details: { value: "registrations:wirte" } });
    expect(ex.summary).toBe('The scope "registrations:wirte" is not recognised.');
    expect(ex.customerReply).toContain('"registrations:wirte"');
  });

  it("registration.dry_run_failed quotes the reason", () => {
    const ex = explainEvent({
      code: "registration.dry_run_failed",
      httpStatus: 422,
      details: { reason: "insufficient balance to register work" },
    });
    expect(ex.summary).toContain('"insufficient balance to register work"');
    expect(ex.customerReply).toContain('"insufficient balance to register work"');
  });

  it("common.not_found names the resource", () => {
    const ex = explainEvent({ code: "common.not_found", httpStatus: 404, details: { resource: "event" } });
    expect(ex.summary).toBe("The event the request refers to was not found.");
    expect(ex.customerReply).toContain("the event");
  });

  it("common.validation_failed lists fields given as a list of {path|field, message}", () => {
    const ex = explainEvent({
      code: "common.validation_failed",
      httpStatus: 422,
      details: {
        fields: [
          { path: "events[3].code", message: "must be lowercase dotted" },
          { field: "title", message: "must not be empty" },
          { path: ["events", 4, "http_status"], message: "must be 100–599" },
        ],
      },
    });
    expect(ex.summary).toBe(
      "Validation failed on 3 fields: events[3].code (must be lowercase dotted), title (must not be empty) and events[4].http_status (must be 100–599).",
    );
    expect(ex.customerReply).toContain("events[3].code, title and events[4].http_status");
  });

  it("common.validation_failed lists fields given as a {path: message} map", () => {
    const ex = explainEvent({
      code: "common.validation_failed",
      httpStatus: 422,
      details: { fields: { title: "must not be empty", creators: ["required", "at least one"] } },
    });
    expect(ex.summary).toBe("Validation failed on 2 fields: title (must not be empty) and creators (required; at least one).");
    expect(ex.notes.map((n) => n.value)).toEqual(["title", "creators"]);
  });

  it("common.forbidden quotes a reason when there is one and stays generic otherwise", () => {
    const withReason = explainEvent({ code: "common.forbidden", httpStatus: 403, details: { reason: "insufficient credits", balance: 2 } });
    expect(withReason.summary).toContain('"insufficient credits"');
    expect(withReason.notes.map((n) => n.field)).toEqual(["reason", "balance"]);
    const bare = explainEvent({ code: "common.forbidden", httpStatus: 403, details: null });
    expect(bare.summary).toContain("Generic deny");
    expect(bare.detailsCheck).toEqual({ status: "ok" });
  });
});

describe("Errata's own codes", () => {
  it("auth.signature_expired states the window in words", () => {
    const ex = explainEvent({ code: "auth.signature_expired", httpStatus: 401, details: { tolerance_seconds: 300 } });
    expect(ex.summary).toContain("5 minutes");
    expect(ex.origin).toBe("errata");
  });

  it("auth.scope_denied compares required and granted scopes", () => {
    const ex = explainEvent({ code: "auth.scope_denied", httpStatus: 403, details: { required: "ingest", granted: ["read"] } });
    expect(ex.summary).toBe('The key only has "read"; this route requires "ingest".');
  });

  it("ingest.payload_too_large works with and without size_bytes", () => {
    const sized = explainEvent({ code: "ingest.payload_too_large", httpStatus: 413, details: { size_bytes: 1572864, max_bytes: 1048576 } });
    expect(sized.summary).toBe("The request body was 1.5 MiB; the limit is 1 MiB.");
    const unsized = explainEvent({ code: "ingest.payload_too_large", httpStatus: 413, details: { max_bytes: 1048576 } });
    expect(unsized.summary).toBe("The request body exceeded Errata's limit of 1 MiB.");
  });

  it("ingest.too_many_events and ingest.unsupported_media_type use their values", () => {
    const many = explainEvent({ code: "ingest.too_many_events", httpStatus: 422, details: { count: 2500, max: 1000 } });
    expect(many.summary).toBe("The batch held 2,500 events; the limit is 1,000 per request.");
    expect(many.retry.advice).toContain("3 batches");
    const media = explainEvent({
      code: "ingest.unsupported_media_type",
      httpStatus: 415,
      details: { content_type: "text/plain", supported: ["application/json", "application/x-ndjson"] },
    });
    expect(media.summary).toBe('The request was sent as "text/plain"; Errata accepts application/json and application/x-ndjson.');
  });
});

describe("unknown codes", () => {
  it("explain honestly from the status class and say the code is not in the catalog", () => {
    const ex = explainEvent({ code: "billing.card_declined", httpStatus: 401, details: { anything: 1 } });
    expect(ex.inCatalog).toBe(false);
    expect(ex.origin).toBeNull();
    expect(ex.family).toBe("billing");
    expect(ex.catalogStatus).toBeNull();
    expect(ex.httpStatus).toBe(401);
    expect(ex.summary).toContain("not in the catalog");
    expect(ex.summary).toContain("credential");
    expect(ex.detailsCheck).toEqual({ status: "unknown_code" });
  });

  it.each([
    [429, "after_reset", "rate limit"],
    [503, "yes_backoff", "server side"],
    [500, "yes_backoff", "server side"],
    [418, "after_fix", "caller's problem"],
    [200, "no", "nothing went wrong"],
  ] as const)("HTTP %i → %s", (status, verdict, phrase) => {
    const ex = explainEvent({ code: "x.y", httpStatus: status, details: null });
    expect(ex.retry.verdict).toBe(verdict);
    expect(ex.summary).toContain(phrase);
  });

  it("uses the whole code as the family when it has no dot", () => {
    expect(explainEvent({ code: "oops", httpStatus: 500, details: undefined }).family).toBe("oops");
  });
});

describe("details that do not match the catalog", () => {
  it("flag the event, report issues by path and fall back to the generic texts", () => {
    const details = { size_bytes: "seventy megs", max_bytes: 52428800 };
    expect(catalogFlagFor("registration.audio_too_large", details)).toBe("details_mismatch");
    const ex = explainEvent({ code: "registration.audio_too_large", httpStatus: 413, details });
    expect(ex.inCatalog).toBe(true);
    expect(ex.detailsCheck.status).toBe("mismatch");
    if (ex.detailsCheck.status !== "mismatch") throw new Error("unreachable");
    expect(ex.detailsCheck.issues.map((i) => i.path)).toEqual(["details.size_bytes"]);
    expect(ex.detailsCheck.issues[0]?.message).toBeTruthy();
    expect(ex.summary).toContain("do not match the documented shape");
    expect(ex.summary).not.toContain("MiB");
    expect(ex.notes).toEqual([]);
  });

  it("treat absent details as {} so required fields are reported missing", () => {
    expect(checkDetails("api_key.scope_denied", null)).toEqual({
      status: "mismatch",
      issues: [{ path: "details.required", message: expect.any(String) }],
    });
    expect(() => explainEvent({ code: "common.quota_exceeded", httpStatus: 429, details: undefined })).not.toThrow();
  });

  it("reports nested paths in bracket form", () => {
    const check = checkDetails("common.validation_failed", { fields: [{ message: "no path" }] });
    expect(check.status).toBe("mismatch");
    if (check.status !== "mismatch") throw new Error("unreachable");
    expect(check.issues.some((i) => i.path.startsWith("details.fields"))).toBe(true);
  });
});

describe("status that differs from the catalog", () => {
  it("keeps the event's status and the catalog's side by side", () => {
    const ex = explainEvent({ code: "common.not_found", httpStatus: 500, details: { resource: "work" } });
    expect(ex.httpStatus).toBe(500);
    expect(ex.catalogStatus).toBe(404);
    expect(ex.summary).toContain("The work");
    const note = ex.notes.find((n) => n.field === "http_status");
    expect(note?.value).toBe("500");
    expect(note?.note).toContain("HTTP 404");
  });
});

describe("catalogFlagFor", () => {
  it.each([
    ["api_key.revoked", undefined, null],
    ["api_key.revoked", null, null],
    ["api_key.revoked", { extra: true }, null],
    ["api_key.revoked", ["not", "an", "object"], "details_mismatch"],
    ["api_key.scope_denied", { required: "read", note: "extra keys are fine" }, null],
    ["api_key.scope_denied", { required: 7 }, "details_mismatch"],
    ["common.quota_exceeded", { limit: 10, used: 10, resets_at: "tomorrow" }, "details_mismatch"],
    ["nope.never_heard", {}, "unknown_code"],
  ] as const)("%s with %j → %s", (code, details, flag) => {
    expect(catalogFlagFor(code, details)).toBe(flag);
  });
});
