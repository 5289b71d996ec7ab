import { describe, expect, it } from "vitest";
import { TokenBucketLimiter } from "./token-bucket";

const T0 = 1_800_000_000_000;

function takeMany(limiter: TokenBucketLimiter, key: string, count: number, now: number): boolean[] {
  return Array.from({ length: count }, () => limiter.take(key, now).allowed);
}

describe("TokenBucketLimiter", () => {
  it("admits a full burst back to back, then refuses", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 5 });
    expect(takeMany(limiter, "k", 5, T0)).toEqual([true, true, true, true, true]);
    expect(limiter.take("k", T0)).toMatchObject({ allowed: false, limit: 5, remaining: 0, ratePerSecond: 10 });
  });

  it("refills at the configured rate and says when the next request and the whole burst are available", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 5 });
    takeMany(limiter, "k", 5, T0);
    const refused = limiter.take("k", T0 + 40);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeCloseTo(60); // 0.4 of a token after 40 ms at 10/s
    expect(refused.resetAfterMs).toBeCloseTo(460);
    expect(limiter.take("k", T0 + 100).allowed).toBe(true);
    expect(limiter.take("k", T0 + 100).allowed).toBe(false);
    expect(takeMany(limiter, "k", 3, T0 + 400)).toEqual([true, true, true]);
  });

  it("reports what is left after an admitted request", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 3 });
    expect(limiter.take("k", T0)).toMatchObject({ allowed: true, remaining: 2, retryAfterMs: 0, resetAfterMs: 1000 });
  });

  it("never holds more than the burst, however long the key was idle", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 100, burst: 2 });
    limiter.take("k", T0);
    expect(takeMany(limiter, "k", 3, T0 + 3_600_000)).toEqual([true, true, false]);
  });

  it("keeps each key's bucket separate", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1 });
    expect(limiter.take("a", T0).allowed).toBe(true);
    expect(limiter.take("a", T0).allowed).toBe(false);
    expect(limiter.take("b", T0).allowed).toBe(true);
  });

  it("supports rates below one request per second", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 0.5, burst: 1 });
    limiter.take("k", T0);
    expect(limiter.take("k", T0 + 1000)).toMatchObject({ allowed: false, retryAfterMs: 1000 });
    expect(limiter.take("k", T0 + 2000).allowed).toBe(true);
  });

  it("neither refills nor drains when the clock steps backwards", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 2 });
    limiter.take("k", T0);
    expect(limiter.take("k", T0 - 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take("k", T0 - 60_000).allowed).toBe(false);
  });

  it("drops buckets that have refilled, so idle keys cost no memory", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 10, burst: 5 }); // full again after 500 ms
    for (let n = 0; n < 100; n++) limiter.take(`key-${n}`, T0 + n);
    expect(limiter.size).toBe(100);
    limiter.take("fresh", T0 + 550);
    // Keys touched at T0 + 0..50 have refilled by T0 + 550; the later ones may not have.
    expect(limiter.size).toBe(100 - 51 + 1);
    limiter.take("fresh", T0 + 10_000);
    expect(limiter.size).toBe(1);
  });

  it("keeps at most maxKeys buckets, dropping the least recently used", () => {
    const limiter = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) limiter.take(key, T0);
    limiter.take("a", T0); // a is now the most recently used
    limiter.take("d", T0);
    expect(limiter.size).toBe(3);
    expect(limiter.take("a", T0).allowed).toBe(false); // still held, still empty
    expect(limiter.take("b", T0).allowed).toBe(true); // dropped, so it starts full again
  });

  it("refuses settings that would admit nothing", () => {
    expect(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1 })).toThrow(/ratePerSecond/);
    expect(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0 })).toThrow(/burst/);
  });
});
