import type { KeyActor } from "@/lib/auth/authenticate";
import { dialectOf } from "@/db/dialect";
import { env, type Env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { onShutdown } from "@/lib/shutdown/drain-registry";
import { DatabaseRateLimiter } from "./database-limiter";
import { RedisRateLimiter } from "./redis-limiter";
import { TokenBucketLimiter, type RateDecision, type RateLimiter } from "./token-bucket";

// undefined: not built yet (settings are read on first use, never at import: `next build` imports routes).
let limiter: RateLimiter | null | undefined;
let drainRegistered = false;

type RateSettings = Pick<Env, "ERRATA_RATE_LIMIT_PER_SECOND" | "ERRATA_RATE_LIMIT_BURST" | "REDIS_URL" | "DATABASE_URL">;

/**
 * The limiter the settings ask for; a rate of 0 turns limiting off. Instances that share a
 * PostgreSQL database must share each key's limit too: in Redis when REDIS_URL is set, else in the
 * database. SQLite is served by one process, which keeps the buckets in memory.
 */
export function limiterFromSettings(settings: RateSettings): RateLimiter | null {
  const ratePerSecond = settings.ERRATA_RATE_LIMIT_PER_SECOND;
  if (ratePerSecond <= 0) return null;
  const shape = { ratePerSecond, burst: settings.ERRATA_RATE_LIMIT_BURST };
  if (settings.REDIS_URL) return new RedisRateLimiter({ ...shape, url: settings.REDIS_URL });
  if (dialectOf(settings.DATABASE_URL) === "postgres") return new DatabaseRateLimiter(shape);
  return new TokenBucketLimiter(shape);
}

function processLimiter(): RateLimiter | null {
  if (limiter === undefined) {
    limiter = limiterFromSettings(env());
    // Its Redis connection goes with the database's, once nothing more is written.
    if (limiter?.close && !drainRegistered) {
      drainRegistered = true;
      onShutdown("database", "ingest rate limiter", closeIngestRateLimiter);
    }
  }
  return limiter;
}

/** Replaces the process's limiter (null: no limit; undefined: rebuild from the settings). For tests. */
export function setIngestRateLimiter(next: RateLimiter | null | undefined): void {
  limiter = next;
}

/** Closes the process's limiter's connection (Redis), at shutdown; the next request builds a new one. */
export async function closeIngestRateLimiter(): Promise<void> {
  const current = limiter;
  limiter = undefined;
  await current?.close?.();
}

/**
 * `resets_at` is when the key's whole allowance (`limit` requests back to back) is available again,
 * matching the quota reading of `limit`/`used`; `Retry-After` is the sooner time at which the next
 * single request will be admitted, rounded up to whole seconds and never 0.
 */
export function quotaExceeded(decision: RateDecision, now: number): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new ApiError(
    429,
    "common.quota_exceeded",
    `This key sent more than ${decision.limit} requests at once or ${decision.ratePerSecond} per second; retry after ${retryAfterSeconds} s.`,
    {
      limit: decision.limit,
      used: decision.limit - decision.remaining,
      resets_at: new Date(now + Math.ceil(decision.resetAfterMs)).toISOString(),
      rate_per_second: decision.ratePerSecond,
      retry_after_seconds: retryAfterSeconds,
    },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/**
 * Counts one ingest request against its key's token bucket, before the body is read (refusing is
 * then nearly free); throws 429 `common.quota_exceeded` when the key is over its rate.
 */
export async function takeIngestToken(actor: Pick<KeyActor, "keyId" | "prefix">, now: number): Promise<void> {
  const current = processLimiter();
  if (!current) return;
  // The prefix keeps buckets apart when ids are reused (every test database starts at key 1).
  const decision = await current.take(`${actor.keyId}:${actor.prefix}`, now);
  if (!decision.allowed) throw quotaExceeded(decision, now);
}
