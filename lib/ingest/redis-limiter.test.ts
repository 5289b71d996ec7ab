import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { sharedLimiterContract } from "./testing/limiter-contract";
import { RedisRateLimiter } from "./redis-limiter";

const REDIS_URL = process.env.ERRATA_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// Every key this run writes starts with it, so runs and other users of the server never meet.
const keyPrefix = `errata-test:${randomBytes(6).toString("hex")}:`;

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = await reachable(REDIS_URL);
if (!redisUp) console.warn(`Redis at ${REDIS_URL} is unreachable: skipping the Redis rate limiter tests (set ERRATA_TEST_REDIS_URL to run them).`);

describe.skipIf(!redisUp)("RedisRateLimiter", () => {
  sharedLimiterContract((shape) => new RedisRateLimiter({ ...shape, url: REDIS_URL, keyPrefix }));

  const admin = new Redis(REDIS_URL, { lazyConnect: true });
  afterAll(async () => {
    const leftovers = await admin.keys(`${keyPrefix}*`);
    if (leftovers.length > 0) await admin.del(...leftovers);
    await admin.quit();
  });

  it("lets a bucket expire once it would have refilled, so idle keys cost Redis nothing", async () => {
    const limiter = new RedisRateLimiter({ ratePerSecond: 10, burst: 20, url: REDIS_URL, keyPrefix });
    try {
      await limiter.take("expiring", Date.now());
      const ttl = await admin.pttl(`${keyPrefix}expiring`);
      // Full again after 2 s; the key goes a second after that.
      expect(ttl).toBeGreaterThan(2000);
      expect(ttl).toBeLessThanOrEqual(3000);
    } finally {
      await limiter.close();
    }
  });
});

describe("RedisRateLimiter without Redis", () => {
  it("admits requests when Redis cannot answer, rather than stopping ingest, and warns once per interval", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const limiter = new RedisRateLimiter({ ratePerSecond: 1, burst: 1, url: "redis://127.0.0.1:1", keyPrefix });
    try {
      const decisions = [await limiter.take("k", 0), await limiter.take("k", 0)];
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true]);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      await limiter.close();
    }
  });
});
