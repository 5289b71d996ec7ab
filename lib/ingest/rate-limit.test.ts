import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/events/route";
import { ApiError } from "@/lib/http/api-error";
import { rejectedApiError } from "@/lib/testing/api-error";
import { BASE_URL, bearer, countRows, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { wireEvent } from "@/lib/testing/ingest-fixtures";
import { DatabaseRateLimiter } from "./database-limiter";
import { limiterFromSettings, quotaExceeded, setIngestRateLimiter, takeIngestToken } from "./rate-limit";
import { RedisRateLimiter } from "./redis-limiter";
import { TokenBucketLimiter } from "./token-bucket";

const T0 = Date.UTC(2026, 10, 26, 14);
const actor = (keyId: number, prefix = `erk_test${keyId}`) => ({ keyId, prefix });

afterEach(() => setIngestRateLimiter(undefined));

describe("takeIngestToken", () => {
  it("refuses a key over its rate with 429 common.quota_exceeded, limit, used, resets_at and Retry-After", async () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 2, burst: 3 }));
    for (let n = 0; n < 3; n++) await takeIngestToken(actor(1), T0);
    const error = await rejectedApiError(takeIngestToken(actor(1), T0 + 100));
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

  it("limits each key on its own", async () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 1, burst: 1 }));
    await takeIngestToken(actor(1), T0);
    await expect(takeIngestToken(actor(2), T0)).resolves.toBeUndefined();
    await expect(takeIngestToken(actor(1, "erk_other"), T0)).resolves.toBeUndefined(); // same id, another database's key
    await expect(takeIngestToken(actor(1), T0)).rejects.toThrow(ApiError);
  });

  it("admits everything with the limit off", async () => {
    setIngestRateLimiter(null);
    for (let n = 0; n < 1000; n++) await takeIngestToken(actor(1), T0);
  });
});

describe("limiterFromSettings", () => {
  const settings = { ERRATA_RATE_LIMIT_PER_SECOND: 50, ERRATA_RATE_LIMIT_BURST: 100, REDIS_URL: undefined, DATABASE_URL: "file:./data/errata.db" };

  it("builds no limiter when the rate is 0", () => {
    expect(limiterFromSettings({ ...settings, ERRATA_RATE_LIMIT_PER_SECOND: 0 })).toBeNull();
  });

  it("keeps the buckets in memory on SQLite, which one process serves", async () => {
    const limiter = limiterFromSettings(settings);
    expect(limiter).toBeInstanceOf(TokenBucketLimiter);
    expect(await limiter?.take("k", T0)).toMatchObject({ allowed: true, limit: 100, ratePerSecond: 50, remaining: 99 });
  });

  it("shares the buckets in the database on PostgreSQL without Redis", () => {
    expect(limiterFromSettings({ ...settings, DATABASE_URL: "postgres://errata@db.internal:5432/errata" })).toBeInstanceOf(DatabaseRateLimiter);
  });

  it("shares the buckets in Redis whenever REDIS_URL is set", async () => {
    for (const DATABASE_URL of ["postgres://errata@db.internal:5432/errata", "file:./data/errata.db"]) {
      const limiter = limiterFromSettings({ ...settings, DATABASE_URL, REDIS_URL: "redis://127.0.0.1:1" });
      expect(limiter).toBeInstanceOf(RedisRateLimiter);
      await limiter?.close?.();
    }
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
    expect(await countRows(handler, handler.t.events)).toBe(2);
  });

  it("counts only authenticated requests: a bad key is refused before it can spend anyone's tokens", async () => {
    setIngestRateLimiter(new TokenBucketLimiter({ ratePerSecond: 0.01, burst: 1 }));
    const stranger = new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body: "{}", headers: bearer("erk_not_a_key") });
    await expectEnvelope(await POST(stranger, routeContext()), 401, "auth.key_invalid");
    expect((await post(JSON.stringify(wireEvent()))).status).toBe(202);
  });
});
