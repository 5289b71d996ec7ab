import { describe, expect, it } from "vitest";
import { normalizedEvent, wireEvent } from "@/lib/testing/ingest-fixtures";
import { parseEvent, type IngestEvent } from "./event-schema";

function accepted(value: unknown): IngestEvent {
  const result = parseEvent(value);
  if (!result.ok) throw new Error(`expected the event to pass, got ${JSON.stringify(result.error.issues)}`);
  return result.event;
}

/**
 * The distinct, sorted dotted paths of every problem, so tests name exactly which fields were
 * refused (an empty id fails both its length and its alphabet rule: one field, two issues).
 */
function rejectedPaths(value: unknown): string[] {
  const result = parseEvent(value);
  if (result.ok) throw new Error(`expected the event to be rejected: ${JSON.stringify(value)}`);
  return [...new Set(result.error.issues.map((issue) => issue.path.join(".")))].sort();
}

function without(field: string): Record<string, unknown> {
  const event = wireEvent();
  delete event[field];
  return event;
}

describe("parseEvent — flat form", () => {
  it("normalizes a complete event", () => {
    expect(accepted(wireEvent())).toEqual(normalizedEvent());
  });

  it("fills optional fields with null when only the required ones are sent", () => {
    expect(accepted({ request_id: "r", org_id: "o", http_status: 500, code: "x" })).toEqual({
      requestId: "r",
      orgId: "o",
      httpStatus: 500,
      code: "x",
      message: null,
      details: null,
      occurredAt: null,
      service: null,
      method: null,
      path: null,
      environment: null,
    });
  });

  it.each(["request_id", "org_id", "http_status", "code"])("requires %s", (field) => {
    expect(rejectedPaths(without(field))).toEqual([field]);
  });

  it.each([null, [], "req_1", 42])("rejects a non-object event (%j)", (value) => {
    expect(parseEvent(value).ok).toBe(false);
  });

  it("ignores unknown extra fields", () => {
    const event = accepted(wireEvent({ trace_id: "abc", extra: { nested: true } }));
    expect(event).not.toHaveProperty("trace_id");
    expect(event).not.toHaveProperty("extra");
    expect(event.requestId).toBe("req_8a3f2b9c1d4e5f60718293a4");
  });
});

describe.each(["request_id", "org_id"])("%s", (field) => {
  it.each([
    ["one character", "a"],
    ["128 characters", "a".repeat(128)],
    ["the whole alphabet", "AZaz09_-.:"],
    ["a typical id", "req_8a3f2b9c:attempt-2.retry"],
  ])("accepts %s", (_label, value) => {
    const event = accepted(wireEvent({ [field]: value }));
    expect(field === "request_id" ? event.requestId : event.orgId).toBe(value);
  });

  it.each([
    ["empty", ""],
    ["129 characters", "a".repeat(129)],
    ["a space", "req 1"],
    ["a slash", "req/1"],
    ["a non-ASCII letter", "req_é"],
    ["a plus sign", "req+1"],
    ["a number instead of a string", 12345],
  ])("rejects %s", (_label, value) => {
    expect(rejectedPaths(wireEvent({ [field]: value }))).toEqual([field]);
  });
});

describe("http_status", () => {
  it.each([100, 404, 599])("accepts %d", (status) => {
    expect(accepted(wireEvent({ http_status: status })).httpStatus).toBe(status);
  });

  it.each([99, 600, 404.5, "404", null, -403])("rejects %j", (status) => {
    expect(rejectedPaths(wireEvent({ http_status: status }))).toEqual(["http_status"]);
  });
});

describe("code", () => {
  it.each(["internal", "api_key.revoked", "a.b.c", "v2.rate_limit_9", "x".repeat(100)])("accepts %s", (code) => {
    expect(accepted(wireEvent({ code })).code).toBe(code);
  });

  it.each([
    ["empty", ""],
    ["101 characters", "x".repeat(101)],
    ["uppercase", "Api_Key.Revoked"],
    ["a hyphen", "api-key.revoked"],
    ["a leading dot", ".revoked"],
    ["a trailing dot", "api_key."],
    ["two dots in a row", "api_key..revoked"],
    ["a space", "api_key revoked"],
    ["a colon", "api_key:revoked"],
  ])("rejects %s", (_label, code) => {
    expect(rejectedPaths(wireEvent({ code }))).toEqual(["code"]);
  });
});

describe("message", () => {
  it("accepts 2000 characters and null", () => {
    expect(accepted(wireEvent({ message: "m".repeat(2000) })).message).toHaveLength(2000);
    expect(accepted(wireEvent({ message: null })).message).toBeNull();
  });

  it.each([["2001 characters", "m".repeat(2001)], ["a number", 42], ["an object", { text: "x" }]])("rejects %s", (_label, message) => {
    expect(rejectedPaths(wireEvent({ message }))).toEqual(["message"]);
  });
});

describe("details", () => {
  // `{"x":"…"}` serializes to the string's length plus 8 bytes.
  const LIMIT = 16 * 1024;

  it("accepts an object, an empty object and null", () => {
    expect(accepted(wireEvent({ details: { size_bytes: 1, nested: { list: [1, 2] } } })).details).toEqual({
      size_bytes: 1,
      nested: { list: [1, 2] },
    });
    expect(accepted(wireEvent({ details: {} })).details).toEqual({});
    expect(accepted(wireEvent({ details: null })).details).toBeNull();
  });

  it("accepts exactly 16 KiB serialized and rejects one byte more", () => {
    expect(accepted(wireEvent({ details: { x: "a".repeat(LIMIT - 8) } })).details).toBeTruthy();
    expect(rejectedPaths(wireEvent({ details: { x: "a".repeat(LIMIT - 7) } }))).toEqual(["details"]);
  });

  it("accepts 32 levels of nesting and refuses 33, or thousands, without exhausting the stack", () => {
    const nested = (levels: number): Record<string, unknown> => {
      let value: Record<string, unknown> = { leaf: true };
      for (let level = 1; level < levels; level += 1) value = { child: level % 2 ? [value] : value };
      return value;
    };
    const depth = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`) as Record<string, unknown>;
    expect(accepted(wireEvent({ details: depth(32) })).details).toEqual(depth(32));
    expect(rejectedPaths(wireEvent({ details: depth(33) }))).toEqual(["details"]);
    expect(rejectedPaths(wireEvent({ details: nested(40) }))).toEqual(["details"]);
    // Few bytes, far deeper than JSON.stringify can recurse: refused as a field problem, not a crash.
    const result = parseEvent(wireEvent({ details: JSON.parse(`{"a":${"[".repeat(50_000)}${"]".repeat(50_000)}}`) as unknown }));
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.message)).toEqual(["must be nested at most 32 levels deep"]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 8,200 two-byte characters: well under 16,384 characters but over 16 KiB.
    expect(rejectedPaths(wireEvent({ details: { x: "é".repeat(8200) } }))).toEqual(["details"]);
  });

  it.each([
    ["an array", [{ size_bytes: 1 }]],
    ["an empty array", []],
    ["a string", "size_bytes=1"],
    ["a number", 7],
    ["a boolean", true],
  ])("rejects %s", (_label, details) => {
    expect(rejectedPaths(wireEvent({ details }))).toEqual(["details"]);
  });
});

describe("occurred_at", () => {
  it.each([
    ["UTC with Z", "2026-11-26T14:00:00Z", Date.UTC(2026, 10, 26, 14)],
    ["milliseconds and Z", "2026-11-26T14:00:00.123Z", Date.UTC(2026, 10, 26, 14, 0, 0, 123)],
    ["a positive offset", "2026-11-26T16:00:00+02:00", Date.UTC(2026, 10, 26, 14)],
    ["a negative offset", "2026-11-26T09:00:00-05:00", Date.UTC(2026, 10, 26, 14)],
    ["epoch milliseconds", Date.UTC(2026, 10, 26, 14), Date.UTC(2026, 10, 26, 14)],
    ["epoch zero", 0, 0],
  ])("accepts %s", (_label, value, expected) => {
    expect(accepted(wireEvent({ occurred_at: value })).occurredAt).toBe(expected);
  });

  it("is null when absent, so the time received is used", () => {
    expect(accepted(without("occurred_at")).occurredAt).toBeNull();
  });

  it.each([
    ["garbage", "yesterday afternoon"],
    ["no time zone", "2026-11-26T14:00:00"],
    ["a date only", "2026-11-26"],
    ["an impossible date", "2026-02-30T00:00:00Z"],
    ["epoch milliseconds as a string", "1795701600000"],
    ["fractional milliseconds", 1795701600000.5],
    ["a negative epoch", -1],
    ["beyond the last representable date", 8.64e15 + 1],
    ["null", null],
  ])("rejects %s", (_label, value) => {
    expect(rejectedPaths(wireEvent({ occurred_at: value }))).toEqual(["occurred_at"]);
  });
});

describe("context fields", () => {
  it("keeps service and path, upper-cases method", () => {
    const event = accepted(wireEvent({ service: "billing", method: "post", path: "/v1/x?y=1" }));
    expect(event).toMatchObject({ service: "billing", method: "POST", path: "/v1/x?y=1" });
  });

  it.each(["service", "method", "path", "environment"])("accepts null %s", (field) => {
    expect(accepted(wireEvent({ [field]: null }))).toMatchObject({ [field]: null });
  });

  it.each([
    ["service", "s".repeat(101)],
    ["method", "M".repeat(17)],
    ["path", `/${"p".repeat(1000)}`],
    ["service", 42],
    ["method", ["GET"]],
  ])("rejects %s = %j", (field, value) => {
    expect(rejectedPaths(wireEvent({ [field]: value }))).toEqual([field]);
  });

  it.each(["live", "test"])("accepts environment %s", (environment) => {
    expect(accepted(wireEvent({ environment })).environment).toBe(environment);
  });

  it.each(["production", "LIVE", "", 1])("rejects environment %j", (environment) => {
    expect(rejectedPaths(wireEvent({ environment }))).toEqual(["environment"]);
  });
});

describe("parseEvent — envelope form", () => {
  const flat = wireEvent();
  const wrapped = {
    org_id: flat.org_id,
    http_status: flat.http_status,
    occurred_at: flat.occurred_at,
    service: flat.service,
    method: flat.method,
    path: flat.path,
    environment: flat.environment,
    envelope: { code: flat.code, message: flat.message, details: flat.details, request_id: flat.request_id },
  };

  it("normalizes to the same event as the flat form", () => {
    expect(accepted(wrapped)).toEqual(accepted(flat));
  });

  it("accepts an envelope without message or details", () => {
    const event = accepted({ org_id: "o", http_status: 401, envelope: { code: "api_key.not_found", request_id: "req_1" } });
    expect(event).toMatchObject({ code: "api_key.not_found", requestId: "req_1", message: null, details: null });
  });

  it("ignores unknown fields inside and beside the envelope", () => {
    const event = accepted({ ...wrapped, region: "eu", envelope: { ...wrapped.envelope, docs_url: "https://x" } });
    expect(event).toEqual(accepted(flat));
  });

  it("names problems inside the envelope by their path", () => {
    const paths = rejectedPaths({ ...wrapped, envelope: { ...wrapped.envelope, code: "Bad Code", request_id: "" } });
    expect(paths).toEqual(["envelope.code", "envelope.request_id"]);
  });

  it("still requires org_id and http_status beside the envelope", () => {
    expect(rejectedPaths({ envelope: wrapped.envelope })).toEqual(["http_status", "org_id"]);
  });

  it.each([null, "{}", []])("rejects an envelope that is not an object (%j)", (envelope) => {
    expect(rejectedPaths({ ...wrapped, envelope })).toEqual(["envelope"]);
  });
});
