/** What a rate limiter decided for one request. */
export interface RateDecision {
  allowed: boolean;
  /** Requests a key may send back to back (the bucket's size). */
  limit: number;
  /** Sustained requests per second (the refill rate). */
  ratePerSecond: number;
  /** Whole requests left right now, after this one. */
  remaining: number;
  /** Milliseconds until the next request would be admitted; 0 when one would be now. */
  retryAfterMs: number;
  /** Milliseconds until the whole `limit` is available again (the bucket is full). */
  resetAfterMs: number;
}

/**
 * The seam the ingest pipeline depends on: one call per request, keyed by an opaque string, so a
 * store shared by several instances (Redis, the database) can replace the in-memory one. Shared
 * stores answer asynchronously; the one call site (`takeIngestToken`) awaits either kind.
 */
export interface RateLimiter {
  take(key: string, now: number): RateDecision | Promise<RateDecision>;
  /** Lets go of a connection the limiter holds (Redis), at shutdown. */
  close?(): Promise<void>;
}

/** A token bucket's size and refill rate, whichever store keeps the buckets. */
export interface BucketShape {
  ratePerSecond: number;
  burst: number;
}

/** Checks a bucket's shape once, where a limiter is built, rather than on every request. */
export function checkBucketShape(shape: BucketShape): void {
  if (!(shape.ratePerSecond > 0)) throw new Error("rate limiter: ratePerSecond must be positive");
  if (!(shape.burst >= 1)) throw new Error("rate limiter: burst must be at least 1");
}

/** Milliseconds for an empty bucket to fill: a bucket untouched this long can be forgotten. */
export function fullRefillMs({ ratePerSecond, burst }: BucketShape): number {
  return (burst * 1000) / ratePerSecond;
}

/** The decision for a bucket left holding `tokens` after a take that was `allowed` (or not). */
export function bucketDecision(shape: BucketShape, allowed: boolean, tokens: number): RateDecision {
  const perMs = shape.ratePerSecond / 1000;
  return {
    allowed,
    limit: shape.burst,
    ratePerSecond: shape.ratePerSecond,
    remaining: Math.floor(tokens),
    retryAfterMs: allowed ? 0 : (1 - tokens) / perMs,
    resetAfterMs: (shape.burst - tokens) / perMs,
  };
}

export interface TokenBucketOptions extends BucketShape {
  /**
   * Most buckets kept. Past it the least recently used bucket is dropped even if not yet full, which
   * hands that key a fresh burst: a bounded leak in return for bounded memory.
   */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const DEFAULT_MAX_KEYS = 10_000;

/**
 * Per-key token bucket held in this process: each key may send `burst` requests at once and
 * `ratePerSecond` sustained. A refused request takes no token, so a sender that backs off as told
 * gets in at `Retry-After`. Memory stays bounded: a bucket idle long enough to have refilled is
 * indistinguishable from a missing one, so it is dropped.
 */
export class TokenBucketLimiter implements RateLimiter {
  /** In least-recently-touched order (Map keeps insertion order; a touch re-inserts). */
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly fullRefillMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketOptions) {
    checkBucketShape(options);
    this.perMs = options.ratePerSecond / 1000;
    this.fullRefillMs = fullRefillMs(options);
    this.maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  }

  /** Buckets currently held; exposed for tests and diagnostics. */
  get size(): number {
    return this.buckets.size;
  }

  take(key: string, now: number): RateDecision {
    const { burst } = this.options;
    const bucket = this.buckets.get(key);
    // A clock stepping backwards refills nothing rather than draining the bucket.
    let tokens = bucket ? Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.perMs) : burst;
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;

    this.buckets.delete(key);
    this.evict(now);
    this.buckets.set(key, { tokens, updatedAt: now });
    return bucketDecision(this.options, allowed, tokens);
  }

  /** Oldest first: stops at the first bucket that may still be short of tokens, so each call is O(evicted). */
  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const full = now - bucket.updatedAt >= this.fullRefillMs;
      if (!full && this.buckets.size < this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
