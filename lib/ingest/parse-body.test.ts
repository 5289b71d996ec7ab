import { describe, expect, it } from "vitest";
import type { ApiError, FieldProblem } from "@/lib/http/api-error";
import { thrownApiError } from "@/lib/testing/api-error";
import { ndjson, wireEvent } from "@/lib/testing/ingest-fixtures";
import { splitIngestBody, validateIngestBody } from "./parse-body";

const JSON_TYPE = "application/json";
const NDJSON_TYPE = "application/x-ndjson";

function event(n: number, overrides: Record<string, unknown> = {}) {
  return wireEvent({ request_id: `req_batch_${n}`, ...overrides });
}

function parse(text: string, contentType: string | null, maxEvents = 1000) {
  return validateIngestBody(splitIngestBody(text, contentType), maxEvents);
}

function fieldPaths(error: ApiError): string[] {
  return (error.details.fields as FieldProblem[]).map((problem) => problem.path);
}

describe("splitIngestBody — media types", () => {
  it.each([
    JSON_TYPE,
    "application/json; charset=utf-8",
    "Application/JSON",
    "  application/json ;charset=UTF-8",
  ])("reads %j as JSON", (contentType) => {
    expect(splitIngestBody(JSON.stringify(event(1)), contentType)).toEqual({ form: "single", raw: [event(1)] });
  });

  it.each([NDJSON_TYPE, "application/x-ndjson; charset=utf-8", "application/ndjson"])("reads %j as NDJSON", (contentType) => {
    expect(splitIngestBody(ndjson([event(1), event(2)]), contentType)).toEqual({ form: "ndjson", raw: [event(1), event(2)] });
  });

  it.each([
    ["text/plain", "text/plain"],
    ["form data", "application/x-www-form-urlencoded"],
    ["no content type", null],
    ["an empty content type", ""],
  ])("refuses %s with 415 ingest.unsupported_media_type", (_label, contentType) => {
    const error = thrownApiError(() => splitIngestBody(JSON.stringify(event(1)), contentType));
    expect(error.status).toBe(415);
    expect(error.code).toBe("ingest.unsupported_media_type");
    expect(error.details).toEqual({
      content_type: contentType || null,
      supported: ["application/json", "application/x-ndjson"],
    });
  });
});

describe("splitIngestBody — body shapes", () => {
  it.each([["empty", ""], ["whitespace only", "  \n\t\n "]])("refuses an %s body with 400", (_label, text) => {
    for (const contentType of [JSON_TYPE, NDJSON_TYPE]) {
      const error = thrownApiError(() => splitIngestBody(text, contentType));
      expect(error.status).toBe(400);
      expect(error.code).toBe("common.bad_request");
      expect(error.details).toEqual({ reason: "empty_body" });
    }
  });

  it("refuses malformed JSON with 400 and the reason, without a line", () => {
    const error = thrownApiError(() => splitIngestBody('{"request_id": "req_1",', JSON_TYPE));
    expect(error.status).toBe(400);
    expect(error.code).toBe("common.bad_request");
    expect(error.details.reason).toBe("invalid_json");
    expect(error.details).not.toHaveProperty("line");
    expect(typeof error.details.error).toBe("string");
  });

  it("names the bad NDJSON line, counting blank lines as the sender's editor does", () => {
    const text = `${JSON.stringify(event(1))}\n\n{"request_id": oops}\n${JSON.stringify(event(2))}`;
    const error = thrownApiError(() => splitIngestBody(text, NDJSON_TYPE));
    expect(error.status).toBe(400);
    expect(error.code).toBe("common.bad_request");
    expect(error.details).toMatchObject({ reason: "invalid_json", line: 3 });
    expect(error.message).toContain("line 3");
  });

  it("skips blank lines and accepts CRLF line ends in NDJSON", () => {
    const text = `\r\n${JSON.stringify(event(1))}\r\n   \r\n${JSON.stringify(event(2))}\r\n`;
    expect(splitIngestBody(text, NDJSON_TYPE).raw).toEqual([event(1), event(2)]);
  });

  it("treats an object with `events` as a batch", () => {
    expect(splitIngestBody(JSON.stringify({ events: [event(1), event(2)] }), JSON_TYPE)).toEqual({
      form: "batch",
      raw: [event(1), event(2)],
    });
  });

  it.each([{}, "x", null, 3])("refuses `events` that is not an array (%j) with 422", (events) => {
    const error = thrownApiError(() => splitIngestBody(JSON.stringify({ events }), JSON_TYPE));
    expect(error.status).toBe(422);
    expect(error.code).toBe("common.validation_failed");
    expect(fieldPaths(error)).toEqual(["events"]);
  });
});

describe("validateIngestBody", () => {
  it("returns every event of a valid batch, in order", () => {
    const events = parse(JSON.stringify({ events: [event(1), event(2), event(3)] }), JSON_TYPE);
    expect(events.map((e) => e.requestId)).toEqual(["req_batch_1", "req_batch_2", "req_batch_3"]);
  });

  it("accepts NDJSON and envelope-form events alike", () => {
    const wrapped = { org_id: "org_b", http_status: 401, envelope: { code: "api_key.revoked", request_id: "req_w" } };
    const events = parse(ndjson([event(1), wrapped]), NDJSON_TYPE);
    expect(events.map((e) => [e.requestId, e.orgId, e.code])).toEqual([
      ["req_batch_1", "org_acme", "api_key.scope_denied"],
      ["req_w", "org_b", "api_key.revoked"],
    ]);
  });

  it("refuses an empty batch with 422 naming `events`", () => {
    const error = thrownApiError(() => parse(JSON.stringify({ events: [] }), JSON_TYPE));
    expect(error.status).toBe(422);
    expect(error.code).toBe("common.validation_failed");
    expect(fieldPaths(error)).toEqual(["events"]);
  });

  it("accepts exactly the maximum number of events and refuses one more", () => {
    const three = JSON.stringify({ events: [event(1), event(2), event(3)] });
    expect(parse(three, JSON_TYPE, 3)).toHaveLength(3);

    const error = thrownApiError(() => parse(ndjson([event(1), event(2), event(3), event(4)]), NDJSON_TYPE, 3));
    expect(error.status).toBe(422);
    expect(error.code).toBe("ingest.too_many_events");
    expect(error.details).toEqual({ count: 4, max: 3 });
  });

  it("names a bad field of a batch by its path", () => {
    const events = [event(0), event(1), event(2), event(3, { code: "Not A Code" }), event(4)];
    const error = thrownApiError(() => parse(JSON.stringify({ events }), JSON_TYPE));
    expect(error.status).toBe(422);
    expect(error.code).toBe("common.validation_failed");
    expect(fieldPaths(error)).toEqual(["events[3].code"]);
    expect(error.message).toBe("1 field is invalid; nothing was stored.");
  });

  it("lists every problem of every bad event, so one round trip fixes them all", () => {
    const events = [
      event(0, { http_status: 99 }),
      event(1),
      event(2, { org_id: "org acme", details: [1] }),
      wireEvent({ request_id: undefined }),
    ];
    const error = thrownApiError(() => parse(JSON.stringify({ events }), JSON_TYPE));
    expect(fieldPaths(error).sort()).toEqual(["events[0].http_status", "events[2].details", "events[2].org_id", "events[3].request_id"]);
    expect(error.message).toBe("4 fields are invalid; nothing was stored.");
    for (const problem of error.details.fields as FieldProblem[]) expect(problem.message).toEqual(expect.any(String));
  });

  it("names NDJSON problems by event index, like a batch", () => {
    const error = thrownApiError(() => parse(ndjson([event(0), event(1, { environment: "prod" })]), NDJSON_TYPE));
    expect(fieldPaths(error)).toEqual(["events[1].environment"]);
  });

  it("names envelope-form problems inside the envelope", () => {
    const wrapped = { org_id: "o", http_status: 401, envelope: { code: "api_key.revoked", request_id: "bad id" } };
    const error = thrownApiError(() => parse(JSON.stringify({ events: [event(0), wrapped] }), JSON_TYPE));
    expect(fieldPaths(error)).toEqual(["events[1].envelope.request_id"]);
  });

  it("names a single object's fields without a prefix", () => {
    const error = thrownApiError(() => parse(JSON.stringify(event(1, { code: "", occurred_at: "soon" })), JSON_TYPE));
    expect([...new Set(fieldPaths(error))].sort()).toEqual(["code", "occurred_at"]);
  });

  it("refuses a top-level array (not one of the three forms) at the root", () => {
    const error = thrownApiError(() => parse(JSON.stringify([event(1)]), JSON_TYPE));
    expect(error.status).toBe(422);
    expect(fieldPaths(error)).toEqual(["(root)"]);
  });

  it("lists at most 200 problems and counts the rest", () => {
    const events = Array.from({ length: 250 }, (_, n) => event(n, { http_status: 42 }));
    const error = thrownApiError(() => parse(JSON.stringify({ events }), JSON_TYPE));
    expect(fieldPaths(error)).toHaveLength(200);
    expect(fieldPaths(error)[199]).toBe("events[199].http_status");
    expect(error.details.unlisted_problems).toBe(50);
    expect(error.message).toBe("250 fields are invalid; nothing was stored.");
  });
});
