import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { ApiError } from "@/lib/http/api-error";
import { thrownApiError } from "@/lib/testing/api-error";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { wireEvent } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { limiterFromSettings, quotaExceeded, setIngestRateLimiter, takeIngestToken } from "./rate-limit";
import { TokenBucketLimiter } from "./token-bucket";

const T0 = Date.UTC(2026, 10, 26, 14);
const actor = (keyId: number, prefix = `erk_test${keyId}`) => ({ keyId, prefix });

afterEach(() => setIngestRateLimiter(undefined));

describe("takeIngestToken", () => {
  it("refuses a key over its rate with 429 common.quota_exceeded, limit, used, resets_at and Retry-After", () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 2, burst: 3 }));
    for (let n = 0; n < 3; n++) takeIngestToken(actor(1), T0);
    const error = thrownApiError(() => takeIngestToken(actor(1), T0 + 100));
    expect(error.status).toBe(429);
    expect(error.code).toBe("common.quota_exceeded");
    // 0.2 tokens after 100 ms at 2/s: the next one in 400 ms, all 3 back 1,400 ms later.
    expect(error.details).toEqual({
      limit: 3,
      used: 3,
      resets_at: new Date(T0 + 100 + 1400).toISOString(),
      rate_per_second: 2,
      retry_after_seconds: 1,
    });
    expect(error.headers).toEqual({ "Retry-After": "1" });
  });

  it("rounds Retry-After up to whole seconds", () => {
    const decision = { allowed: false, limit: 1, ratePerSecond: 0.25, remaining: 0, retryAfterMs: 3001, resetAfterMs: 3001 };
    expect(quotaExceeded(decision, T0).headers).toEqual({ "Retry-After": "4" });
  });

  it("limits each key on its own", () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 1, burst: 1 }));
    takeIngestToken(actor(1), T0);
    expect(() => takeIngestToken(actor(2), T0)).not.toThrow();
    expect(() => takeIngestToken(actor(1, "erk_other"), T0)).not.toThrow(); // same id, another database's key
    expect(() => takeIngestToken(actor(1), T0)).toThrow(ApiError);
  });

  it("builds no limiter when the rate is 0", () => {
    expect(limiterFromSettings({ ERRATA_RATE_LIMIT_PER_SECOND: 0, ERRATA_RATE_LIMIT_BURST: 100 })).toBeNull();
    const limiter = limiterFromSettings({ ERRATA_RATE_LIMIT_PER_SECOND: 50, ERRATA_RATE_LIMIT_BURST: 100 });
    expect(limiter?.take("k", T0)).toMatchObject({ allowed: true, limit: 100, ratePerSecond: 50, remaining: 99 });
  });

  it("admits everything with the limit off", () => {
    setIngestRateLimiter(null);
    for (let n = 0; n < 1000; n++) takeIngestToken(actor(1), T0);
  });
});

describe("POST /api/v1/events — rate limit", () => {
  const handler = setupHandlerTests();

  function post(body: BodyInit) {
    const headers = { "content-type": "application/json", ...bearer(handler.keys.ingest) };
    return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers, duplex: "half" } as RequestInit), routeContext());
  }

  it("answers 429 with the envelope and Retry-After once the key's burst is spent, without reading the body", async () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 0.01, burst: 2 }));
    expect((await post(JSON.stringify(wireEvent({ request_id: "req_1" })))).status).toBe(202);
    expect((await post(JSON.stringify(wireEvent({ request_id: "req_2" })))).status).toBe(202);

    let pulled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode(JSON.stringify(wireEvent({ request_id: "req_3" }))));
          controller.close();
        },
      },
      { highWaterMark: 0 }, // pulled only when someone reads
    );
    const response = await post(stream);
    const body = await expectEnvelope(response, 429, "common.quota_exceeded");
    expect(body.details).toMatchObject({ limit: 2, used: 2, rate_per_second: 0.01 });
    expect(Date.parse(String(body.details.resets_at))).toBeGreaterThan(Date.now());
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(99);
    expect(pulled).toBe(false);
    expect(rawSqlite(handler.db).prepare("select count(*) from events").pluck().get()).toBe(2);
  });

  it("counts only authenticated requests: a bad key is refused before it can spend anyone's tokens", async () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 0.01, burst: 1 }));
    const stranger = new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body: "{}", headers: bearer("erk_not_a_key") });
    await expectEnvelope(await POST(stranger, routeContext()), 401, "auth.key_invalid");
    expect((await post(JSON.stringify(wireEvent()))).status).toBe(202);
  });
});
