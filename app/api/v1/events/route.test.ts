import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { findEventByRequestId } from "@/db/queries/events";
import { revokeApiKeysByPrefix, createApiKey } from "@/db/queries/api-keys";
import { BASE_URL, bearer, countRows, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { ndjson, wireEvent } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { testBackend } from "@/lib/testing/test-db";
import { GET, POST } from "./route";

const EVENTS_URL = `${BASE_URL}/api/v1/events`;
const MAX_BODY_BYTES = 5 * 1024 * 1024; // the default ERRATA_MAX_BODY_BYTES

const handler = setupHandlerTests();

function post(body: BodyInit, options: { contentType?: string | null; key?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType) headers["content-type"] = contentType;
  const key = options.key === undefined ? handler.keys.ingest : options.key;
  if (key) Object.assign(headers, bearer(key));
  const request = new Request(EVENTS_URL, { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return POST(request, routeContext());
}

function get(query: string, key: string | null = handler.keys.read) {
  return GET(new Request(`${EVENTS_URL}${query}`, { headers: key ? bearer(key) : {} }), routeContext());
}

function storedCount(): Promise<number> {
  return countRows(handler, handler.t.events);
}

function event(n: number, overrides: Record<string, unknown> = {}) {
  return wireEvent({ request_id: `req_evt_${n}`, ...overrides });
}

describe("POST /api/v1/events — accepted", () => {
  it("stores one event object and answers 202 with the counts", async () => {
    const response = await post(JSON.stringify(event(1)));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{24}$/);
    expect(await findEventByRequestId("req_evt_1")).toMatchObject({
      orgId: "org_acme",
      code: "api_key.scope_denied",
      httpStatus: 403,
      details: { required: "registration:write" },
      occurredAt: Date.parse("2026-11-26T14:03:12.000Z"),
      method: "POST",
      catalogFlag: null,
    });
  });

  it("stores a batch", async () => {
    const response = await post(JSON.stringify({ events: [event(1), event(2), event(3)] }), { contentType: "application/json; charset=utf-8" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await storedCount()).toBe(3);
  });

  it("stores NDJSON", async () => {
    const response = await post(`${ndjson([event(1), event(2)])}\n`, { contentType: "application/x-ndjson" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(await findEventByRequestId("req_evt_2")).toBeDefined();
  });

  it("stores the envelope form like the flat form", async () => {
    const wrapped = {
      org_id: "org_beta",
      http_status: 413,
      occurred_at: 1_795_701_600_000,
      envelope: {
        code: "registration.audio_too_large",
        message: "Audio exceeds the configured max",
        details: { size_bytes: 73_400_320, max_bytes: 52_428_800 },
        request_id: "req_wrapped_1",
      },
    };
    const response = await post(JSON.stringify(wrapped));
    expect(response.status).toBe(202);
    expect(await findEventByRequestId("req_wrapped_1")).toMatchObject({
      orgId: "org_beta",
      code: "registration.audio_too_large",
      httpStatus: 413,
      message: "Audio exceeds the configured max",
      details: { size_bytes: 73_400_320, max_bytes: 52_428_800 },
      occurredAt: 1_795_701_600_000,
      catalogFlag: null,
    });
  });

  it("defaults occurred_at to the time received", async () => {
    const before = Date.now();
    await post(JSON.stringify(event(1, { occurred_at: undefined })));
    const stored = await findEventByRequestId("req_evt_1");
    expect(stored?.occurredAt).toBe(stored?.receivedAt);
    expect(stored?.occurredAt).toBeGreaterThanOrEqual(before);
    expect(stored?.occurredAt).toBeLessThanOrEqual(Date.now());
  });

  it("counts duplicates within a batch and across requests", async () => {
    const first = await post(JSON.stringify({ events: [event(1), event(2), event(1)] }));
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 1 });
    const again = await post(ndjson([event(2, { code: "common.internal" }), event(3)]), { contentType: "application/x-ndjson" });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(await storedCount()).toBe(3);
    expect((await findEventByRequestId("req_evt_2"))?.code).toBe("api_key.scope_denied");
  });

  it("stores an event with an uncatalogued code, flagged unknown_code", async () => {
    const response = await post(JSON.stringify(event(1, { code: "billing.card_declined", http_status: 402 })));
    expect(response.status).toBe(202);
    expect((await findEventByRequestId("req_evt_1"))?.catalogFlag).toBe("unknown_code");
  });

  it("stores an event whose details do not match its code's shape, flagged details_mismatch", async () => {
    const response = await post(
      JSON.stringify({
        events: [
          event(1, { code: "registration.audio_too_large", http_status: 413, details: { size_bytes: "70MB" } }),
          event(2, { code: "registration.audio_too_large", http_status: 413, details: { size_bytes: 73_400_320, max_bytes: 52_428_800 } }),
        ],
      }),
    );
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect((await findEventByRequestId("req_evt_1"))?.catalogFlag).toBe("details_mismatch");
    expect((await findEventByRequestId("req_evt_2"))?.catalogFlag).toBeNull();
  });
});

describe("POST /api/v1/events — refused", () => {
  it("refuses a batch with a bad event with 422 naming each field, and stores none of it", async () => {
    const events = [event(0), event(1), event(2, { http_status: 600 }), event(3, { code: "Not.Valid" }), event(4)];
    const response = await post(JSON.stringify({ events }));
    const body = await expectEnvelope(response, 422, "common.validation_failed");
    expect(body.details.fields).toEqual([
      { path: "events[2].http_status", message: expect.any(String) },
      { path: "events[3].code", message: expect.any(String) },
    ]);
    expect(await storedCount()).toBe(0);
  });

  it("names NDJSON problems by event index and stores nothing", async () => {
    const response = await post(ndjson([event(0), event(1, { org_id: "" })]), { contentType: "application/x-ndjson" });
    const body = await expectEnvelope(response, 422, "common.validation_failed");
    expect((body.details.fields as { path: string }[]).map((field) => field.path)).toContain("events[1].org_id");
    expect(await storedCount()).toBe(0);
  });

  it("refuses malformed JSON with 400", async () => {
    const body = await expectEnvelope(await post('{"events": [}'), 400, "common.bad_request");
    expect(body.details.reason).toBe("invalid_json");
  });

  it("refuses malformed NDJSON naming the line", async () => {
    const body = await expectEnvelope(await post(`${JSON.stringify(event(1))}\nnot json`, { contentType: "application/x-ndjson" }), 400, "common.bad_request");
    expect(body.details).toMatchObject({ reason: "invalid_json", line: 2 });
    expect(await storedCount()).toBe(0);
  });

  it("refuses an empty body with 400", async () => {
    await expectEnvelope(await post(""), 400, "common.bad_request");
  });

  it("refuses an unsupported content type with 415", async () => {
    const body = await expectEnvelope(await post(JSON.stringify(event(1)), { contentType: "text/plain" }), 415, "ingest.unsupported_media_type");
    expect(body.details.content_type).toBe("text/plain");
    expect(await storedCount()).toBe(0);
  });

  it("refuses more events than the batch limit with 422 ingest.too_many_events", async () => {
    const events = Array.from({ length: 1001 }, (_, n) => ({ request_id: `r${n}`, org_id: "o", http_status: 500, code: "x" }));
    const body = await expectEnvelope(await post(JSON.stringify({ events })), 422, "ingest.too_many_events");
    expect(body.details).toEqual({ count: 1001, max: 1000 });
    expect(await storedCount()).toBe(0);
  });

  it("refuses a declared oversized body with 413 before reading it", async () => {
    const text = JSON.stringify({ events: [event(1, { message: "m".repeat(MAX_BODY_BYTES) })] });
    const response = await post(text, { headers: { "content-length": String(Buffer.byteLength(text)) } });
    const body = await expectEnvelope(response, 413, "ingest.payload_too_large");
    expect(body.details).toEqual({ size_bytes: Buffer.byteLength(text), max_bytes: MAX_BODY_BYTES });
    expect(await storedCount()).toBe(0);
  });

  it("refuses an oversized streamed body with 413 without reading all of it", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const state = { pulls: 0, cancelled: false };
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        state.pulls += 1;
        controller.enqueue(chunk);
        if (state.pulls === 160) controller.close(); // 10 MiB in all
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const body = await expectEnvelope(await post(stream), 413, "ingest.payload_too_large");
    expect(body.details).toEqual({ max_bytes: MAX_BODY_BYTES });
    expect(state.cancelled).toBe(true);
    expect(state.pulls).toBeLessThan(100);
  });

  // Holds SQLite's single write lock from a second connection to the file; PostgreSQL has no such lock.
  it.skipIf(testBackend() === "postgres")("answers 503 with Retry-After when the database stays locked, and stores nothing", async () => {
    rawSqlite(handler.db).pragma("busy_timeout = 50");
    const other = new Database(handler.file);
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      const response = await post(JSON.stringify(event(1)));
      const body = await expectEnvelope(response, 503, "common.service_unavailable");
      expect(response.headers.get("Retry-After")).toBe("2");
      expect(body.details).toEqual({ retry_after_seconds: 2 });
      other.prepare("ROLLBACK").run();
      expect(await storedCount()).toBe(0);
    } finally {
      other.close();
    }
  });
});

describe("POST /api/v1/events — credentials", () => {
  it("refuses a request without Authorization with 401 common.unauthorized", async () => {
    const body = await expectEnvelope(await post(JSON.stringify(event(1)), { key: null }), 401, "common.unauthorized");
    expect(body.details.required_scope).toBe("ingest");
    expect(await storedCount()).toBe(0);
  });

  it("refuses an unknown key with 401 auth.key_invalid", async () => {
    await expectEnvelope(await post(JSON.stringify(event(1)), { key: "erk_notarealkeyatall000000000000000" }), 401, "auth.key_invalid");
    expect(await storedCount()).toBe(0);
  });

  it("refuses a revoked key with 401 auth.key_revoked", async () => {
    const { secret, key } = await createApiKey({ name: "soon revoked", scopes: ["ingest"] });
    expect((await post(JSON.stringify(event(1)), { key: secret })).status).toBe(202);
    await revokeApiKeysByPrefix(key.prefix);
    const body = await expectEnvelope(await post(JSON.stringify(event(2)), { key: secret }), 401, "auth.key_revoked");
    expect(body.details.prefix).toBe(key.prefix);
    expect(await findEventByRequestId("req_evt_2")).toBeUndefined();
  });

  it("refuses a read-only key with 403 auth.scope_denied naming the ingest scope", async () => {
    const body = await expectEnvelope(await post(JSON.stringify(event(1)), { key: handler.keys.read }), 403, "auth.scope_denied");
    expect(body.details).toMatchObject({ required: "ingest", granted: ["read"] });
    expect(await storedCount()).toBe(0);
  });

  it("checks credentials before reading the body", async () => {
    await expectEnvelope(await post("not json at all", { key: null }), 401, "common.unauthorized");
  });
});

describe("GET /api/v1/events", () => {
  const T = (minutes: number) => new Date(Date.UTC(2026, 10, 26, 10, minutes)).toISOString();

  beforeEach(async () => {
    const events = [
      event(1, { occurred_at: T(0), org_id: "org_acme", code: "api_key.revoked", http_status: 401 }),
      event(2, { occurred_at: T(10), org_id: "org_beta", code: "common.quota_exceeded", http_status: 429, message: "Quota reached" }),
      event(3, { occurred_at: T(20), org_id: "org_acme", code: "registration.audio_too_large", http_status: 413 }),
      event(4, { occurred_at: T(30), org_id: "org_acme", code: "api_key.revoked", http_status: 401 }),
      event(5, { occurred_at: T(40), org_id: "org_beta", code: "common.internal", http_status: 500 }),
    ];
    expect((await post(JSON.stringify({ events }))).status).toBe(202);
  });

  async function listIds(query: string): Promise<{ ids: string[]; next: string | null }> {
    const response = await get(query);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { events: { request_id: string }[]; next_cursor: string | null };
    return { ids: body.events.map((e) => e.request_id), next: body.next_cursor };
  }

  it("lists events newest first in the public shape", async () => {
    const response = await get("");
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
    const body = (await response.json()) as { events: Record<string, unknown>[]; next_cursor: string | null };
    expect(body.events.map((e) => e.request_id)).toEqual(["req_evt_5", "req_evt_4", "req_evt_3", "req_evt_2", "req_evt_1"]);
    expect(body.next_cursor).toBeNull();
    expect(body.events[3]).toEqual({
      request_id: "req_evt_2",
      org_id: "org_beta",
      code: "common.quota_exceeded",
      http_status: 429,
      message: "Quota reached",
      details: { required: "registration:write" },
      occurred_at: T(10),
      received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: "registry-api",
      method: "POST",
      path: "/v1/registrations",
      environment: "live",
      catalog_flag: "details_mismatch",
    });
  });

  it.each([
    ["org_id", "?org_id=org_beta", ["req_evt_5", "req_evt_2"]],
    ["code", "?code=api_key.revoked", ["req_evt_4", "req_evt_1"]],
    ["http_status", "?http_status=413", ["req_evt_3"]],
    ["from as ISO", `?from=${encodeURIComponent(T(20))}`, ["req_evt_5", "req_evt_4", "req_evt_3"]],
    ["to as epoch ms", `?to=${Date.parse(T(20))}`, ["req_evt_2", "req_evt_1"]],
    ["from and to", `?from=${Date.parse(T(10))}&to=${encodeURIComponent(T(30))}`, ["req_evt_3", "req_evt_2"]],
    ["q", "?q=quota", ["req_evt_2"]],
    ["request_id_prefix", "?request_id_prefix=req_evt_", ["req_evt_5", "req_evt_4", "req_evt_3", "req_evt_2", "req_evt_1"]],
    ["combined", "?org_id=org_acme&code=api_key.revoked&from=1", ["req_evt_4", "req_evt_1"]],
    ["empty parameters as absent", "?org_id=&q=&code=", ["req_evt_5", "req_evt_4", "req_evt_3", "req_evt_2", "req_evt_1"]],
  ])("filters by %s", async (_label, query, expected) => {
    expect((await listIds(query)).ids).toEqual(expected);
  });

  it("pages with next_cursor until the end, keeping the filters", async () => {
    const first = await listIds("?org_id=org_acme&limit=2");
    expect(first.ids).toEqual(["req_evt_4", "req_evt_3"]);
    expect(first.next).toEqual(expect.any(String));
    const second = await listIds(`?org_id=org_acme&limit=2&cursor=${first.next}`);
    expect(second).toEqual({ ids: ["req_evt_1"], next: null });
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["limit=ten", "limit"],
    ["from=garbage", "from"],
    ["to=next%20tuesday", "to"],
    [`from=${encodeURIComponent("2026-11-26T12:00:00Z")}&to=${encodeURIComponent("2026-11-26T11:00:00Z")}`, "to"],
    ["from=1000&to=1000", "to"],
    ["http_status=42", "http_status"],
    ["cursor=not-a-cursor", "cursor"],
  ])("refuses %s with 422 naming %s", async (query, param) => {
    const body = await expectEnvelope(await get(`?${query}`), 422, "common.validation_failed");
    expect((body.details.fields as { path: string }[]).map((field) => field.path)).toEqual([param]);
  });

  it("refuses a request without a key with 401 and an ingest-only key with 403", async () => {
    await expectEnvelope(await get("", null), 401, "common.unauthorized");
    const body = await expectEnvelope(await get("", handler.keys.ingest), 403, "auth.scope_denied");
    expect(body.details).toMatchObject({ required: "read", granted: ["ingest"] });
  });
});
