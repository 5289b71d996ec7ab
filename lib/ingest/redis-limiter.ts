import "server-only";

import { Redis } from "ioredis";
import { logger } from "@/lib/log";
import { bucketDecision, checkBucketShape, fullRefillMs, type BucketShape, type RateDecision, type RateLimiter } from "./token-bucket";

/*
 * Refill and take in one script, which Redis runs atomically: takes of one key from any number of
 * instances see each other's tokens. The same rule as TokenBucketLimiter: refills count from the
 * last take and never past the burst, a refused take takes nothing, and `updated_at` never moves
 * backwards (an instance whose clock lags refills nothing). A missing key is a full bucket, and a
 * key expires once it would have refilled, so idle keys cost Redis nothing.
 *
 * KEYS[1] the bucket; ARGV: now (ms), tokens per ms, burst, expiry (ms). Returns {admitted 0|1,
 * tokens left as a string} (a Lua number would be truncated to an integer reply).
 */
const TAKE_TOKEN_SCRIPT = `
local now = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated_at')
local tokens = tonumber(state[1])
local updated_at = tonumber(state[2])
if tokens == nil or updated_at == nil then
  tokens = burst
  updated_at = now
end
tokens = math.min(burst, tokens + math.max(0, now - updated_at) * per_ms)
local admitted = 0
if tokens >= 1 then
  tokens = tokens - 1
  admitted = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated_at', tostring(math.max(now, updated_at)))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {admitted, tostring(tokens)}
`;

interface TakeTokenCommand {
  takeToken(key: string, now: number, perMs: number, burst: number, expiryMs: number): Promise<[number, string]>;
}

export interface RedisLimiterOptions extends BucketShape {
  url: string;
  /** Prepended to every bucket key, so several deployments (or tests) can share one Redis. */
  keyPrefix?: string;
}

/** Beyond this a take is abandoned: a hung Redis must not hold ingest requests. */
const COMMAND_TIMEOUT_MS = 500;
/** One warning per interval while Redis is unavailable, not one per request. */
const WARN_EVERY_MS = 10_000;

/**
 * Token buckets in Redis, shared by every instance pointed at it (REDIS_URL). When Redis cannot
 * answer, requests are admitted and a warning logged: the limit protects the database from a flood,
 * and refusing every sender because the limiter is down would stop ingest outright.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis & TakeTokenCommand;
  private readonly expiryMs: number;
  private lastWarnAt = -Infinity;

  constructor(private readonly options: RedisLimiterOptions) {
    checkBucketShape(options);
    this.expiryMs = Math.ceil(fullRefillMs(options)) + 1000;
    const redis = new Redis(options.url, {
      keyPrefix: options.keyPrefix ?? "errata:ingest-rate:",
      commandTimeout: COMMAND_TIMEOUT_MS,
      // Fail the take (admitting the request) after one reconnect attempt instead of queueing it.
      maxRetriesPerRequest: 1,
    });
    redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE_TOKEN_SCRIPT });
    // Without a listener ioredis prints every reconnect failure; take() reports what matters.
    redis.on("error", () => undefined);
    this.redis = redis as Redis & TakeTokenCommand;
  }

  async take(key: string, now: number): Promise<RateDecision> {
    const { ratePerSecond, burst } = this.options;
    try {
      const [admitted, tokens] = await this.redis.takeToken(key, now, ratePerSecond / 1000, burst, this.expiryMs);
      return bucketDecision(this.options, admitted === 1, Number(tokens));
    } catch (error) {
      if (now - this.lastWarnAt >= WARN_EVERY_MS) {
        this.lastWarnAt = now;
        logger.warn({ err: error }, "ingest rate limit: Redis did not answer; admitting requests unlimited meanwhile");
      }
      return bucketDecision(this.options, true, burst - 1);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
