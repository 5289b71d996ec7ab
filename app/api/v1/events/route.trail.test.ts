import { afterEach, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKeysByPrefix } from "@/db/queries/api-keys";
import { findEventByRequestId } from "@/db/queries/events";
import { listRejections } from "@/db/queries/rejected-ingests";
import { setIngestRateLimiter } from "@/lib/ingest/rate-limit";
import { rejectionsOfRequestId } from "@/lib/ingest/rejection-lookup";
import { discardPendingRejections, flushRejectionTrail } from "@/lib/ingest/rejection-trail";
import { TokenBucketLimiter } from "@/lib/ingest/token-bucket";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests, withoutTables } from "@/lib/testing/handler-fixtures";
import { ndjson, wireEvent } from "@/lib/testing/ingest-fixtures";
import { POST } from "./route";

const handler = setupHandlerTests();

afterEach(() => {
  discardPendingRejections();
  setIngestRateLimiter(undefined);
});

function post(body: BodyInit, options: { contentType?: string; key?: string | null; headers?: Record<string, string> } = {}) {
  const key = options.key === undefined ? handler.keys.ingest : options.key;
  const headers = { "content-type": options.contentType ?? "application/json", ...(key ? bearer(key) : {}), ...options.headers };
  return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers }), routeContext());
}

const event = (n: number, overrides: Record<string, unknown> = {}) => wireEvent({ request_id: `req_evt_${n}`, ...overrides });

/** Every refusal in the trail, oldest first, with the ids kept for it. */
async function trail() {
  await flushRejectionTrail();
  return (await listRejections({ since: 0 }, 100)).reverse();
}

describe("POST /api/v1/events — the rejected-ingest trail", () => {
  it("records a refused batch with its ids, so each id says why it is missing", async () => {
    const events = [event(0), event(1), event(2), event(3, { code: "" })];
    const body = await expectEnvelope(await post(JSON.stringify({ events })), 422, "common.validation_failed");
    await flushRejectionTrail();
    for (const id of ["req_evt_0", "req_evt_3"]) {
      expect((await rejectionsOfRequestId(id)).map((match) => match.rejection)).toEqual([
        expect.objectContaining({
          code: "common.validation_failed",
          httpStatus: 422,
          summary: "events[3].code: must not be empty",
          errataRequestId: body.request_id,
          keyPrefix: handler.keys.ingest.slice(0, 12),
          eventCount: 4,
          requestIdCount: 4,
        }),
      ]);
    }
  });

  it("salvages the ids of malformed NDJSON and of a body of the wrong media type", async () => {
    await expectEnvelope(await post(`${ndjson([event(1), event(2)])}\n{"request_id": "req_evt_3",`, { contentType: "application/x-ndjson" }), 400, "common.bad_request");
    await expectEnvelope(await post(JSON.stringify(event(4)), { contentType: "text/plain" }), 415, "ingest.unsupported_media_type");
    expect((await trail()).map((row) => [row.code, row.sampleRequestIds, row.eventCount])).toEqual([
      ["common.bad_request", ["req_evt_1", "req_evt_2", "req_evt_3"], null],
      ["ingest.unsupported_media_type", ["req_evt_4"], null],
    ]);
  });

  it("keeps at most 100 ids of an oversized batch", async () => {
    const events = Array.from({ length: 1001 }, (_, n) => ({ request_id: `r${n}`, org_id: "o", http_status: 500, code: "x" }));
    await expectEnvelope(await post(JSON.stringify({ events })), 422, "ingest.too_many_events");
    expect((await trail()).map((row) => [row.code, row.requestIdCount, row.eventCount])).toEqual([["ingest.too_many_events", 100, 1001]]);
    expect(await rejectionsOfRequestId("r99")).toHaveLength(1);
    expect(await rejectionsOfRequestId("r100")).toEqual([]);
  });

  it("records authentication refusals with the key's display prefix only, and no ids", async () => {
    const { secret, key } = await createApiKey({ name: "soon revoked", scopes: ["ingest"] });
    await revokeApiKeysByPrefix(key.prefix);
    await expectEnvelope(await post(JSON.stringify(event(1)), { key: secret }), 401, "auth.key_revoked");
    await expectEnvelope(await post(JSON.stringify(event(2)), { key: null }), 401, "common.unauthorized");
    await expectEnvelope(await post(JSON.stringify(event(3)), { key: handler.keys.read }), 403, "auth.scope_denied");
    const rows = await trail();
    expect(rows.map((row) => [row.code, row.keyPrefix, row.requestIdCount])).toEqual([
      ["auth.key_revoked", key.prefix, 0],
      ["common.unauthorized", null, 0],
      ["auth.scope_denied", handler.keys.read.slice(0, 12), 0],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(12));
  });

  it("records size and rate-limit refusals, folding a flood into one row", async () => {
    const text = JSON.stringify(event(1));
    await expectEnvelope(await post(text, { headers: { "content-length": String(6 * 1024 * 1024) } }), 413, "ingest.payload_too_large");
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 0.001, burst: 1 }));
    expect((await post(text)).status).toBe(202);
    for (let n = 0; n < 5; n += 1) await expectEnvelope(await post(text), 429, "common.quota_exceeded");
    expect((await trail()).map((row) => [row.code, row.repeats, row.requestIdCount])).toEqual([
      ["ingest.payload_too_large", 1, 0],
      ["common.quota_exceeded", 5, 0],
    ]);
  });

  it("records nothing for an accepted submission", async () => {
    expect((await post(JSON.stringify({ events: [event(1), event(2)] }))).status).toBe(202);
    expect(await trail()).toEqual([]);
  });

  it("answers exactly the same when the trail cannot be written", async () => {
    const events = JSON.stringify({ events: [event(1), event(2, { http_status: 600 })] });
    const before = await expectEnvelope(await post(events), 422, "common.validation_failed");
    discardPendingRejections();
    await withoutTables(handler.database, ["rejected_request_ids", "rejected_ingests"], async () => {
      const after = await expectEnvelope(await post(events), 422, "common.validation_failed");
      expect({ ...after, request_id: "" }).toEqual({ ...before, request_id: "" });
      await flushRejectionTrail(); // must not throw: the trail is best effort
      expect((await post(JSON.stringify(event(3)))).status).toBe(202);
    });
  });
});

describe("POST /api/v1/events — redaction before storage", () => {
  it("stores secrets redacted, in message, details and path", async () => {
    const submitted = event(1, {
      message: "Key afo_sk_live_ab3Kx9QmZ2LpW7vT was revoked",
      details: { request: { headers: { Authorization: "Bearer abcdefgh12345678" }, card: "4242 4242 4242 4242" }, key_prefix: "afo_sk_live_ab12" },
      path: "/v1/registrations?token=s3cr3t&page=2",
    });
    expect((await post(JSON.stringify(submitted))).status).toBe(202);
    expect(await findEventByRequestId("req_evt_1")).toMatchObject({
      message: "Key afo_sk_live_ab…[redacted] was revoked",
      details: { request: { headers: { Authorization: "[redacted]" }, card: "[redacted]…4242" }, key_prefix: "afo_sk_live_ab12" },
      path: "/v1/registrations?token=[redacted]&page=2",
    });
    const raw = JSON.stringify(await handler.db.select().from(handler.t.events));
    for (const secret of ["ab3Kx9QmZ2LpW7vT".slice(2), "abcdefgh12345678", "s3cr3t", "4242 4242 4242 4242"]) expect(raw).not.toContain(secret);
  });
});
