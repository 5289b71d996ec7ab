import { afterEach, expect, it } from "vitest";
import type { BucketShape, RateLimiter } from "../token-bucket";

const T0 = 1_800_000_000_000;

let keys = 0;
/** A bucket key no earlier test touched (shared stores outlive a test). */
const freshKey = () => `contract-${process.pid}-${(keys += 1)}`;

async function takeMany(limiter: RateLimiter, key: string, count: number, now: number): Promise<boolean[]> {
  const taken: boolean[] = [];
  for (let n = 0; n < count; n += 1) taken.push((await limiter.take(key, now)).allowed);
  return taken;
}

/**
 * The token-bucket rules every shared limiter (Redis, the database) must keep, registered as tests
 * in the calling file. `make` builds one limiter as one instance of Errata would; two of them
 * stand for two instances sharing the store.
 */
export function sharedLimiterContract(make: (shape: BucketShape) => RateLimiter): void {
  const made: RateLimiter[] = [];
  const instance = (shape: BucketShape) => {
    const limiter = make(shape);
    made.push(limiter);
    return limiter;
  };
  afterEach(async () => {
    await Promise.all(made.splice(0).map((limiter) => limiter.close?.()));
  });

  it("admits a full burst back to back, then refuses and says when the next request gets in", async () => {
    const limiter = instance({ ratePerSecond: 10, burst: 3 });
    const key = freshKey();
    expect(await takeMany(limiter, key, 3, T0)).toEqual([true, true, true]);
    const refused = await limiter.take(key, T0);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, ratePerSecond: 10 });
    expect(refused.retryAfterMs).toBeCloseTo(100);
    expect(refused.resetAfterMs).toBeCloseTo(300);
  });

  it("shares one budget between two instances", async () => {
    const shape = { ratePerSecond: 1, burst: 3 };
    const [first, second] = [instance(shape), instance(shape)];
    const key = freshKey();
    expect(await takeMany(first, key, 2, T0)).toEqual([true, true]);
    expect(await takeMany(second, key, 2, T0)).toEqual([true, false]);
    expect((await first.take(key, T0)).allowed).toBe(false);
  });

  it("admits exactly the burst when both instances take at the same moment", async () => {
    const shape = { ratePerSecond: 0.001, burst: 5 };
    const [first, second] = [instance(shape), instance(shape)];
    const key = freshKey();
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? first : second).take(key, T0)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });

  it("refills at the rate, for either instance, never past the burst", async () => {
    const shape = { ratePerSecond: 10, burst: 2 };
    const [first, second] = [instance(shape), instance(shape)];
    const key = freshKey();
    await takeMany(first, key, 2, T0);
    expect((await second.take(key, T0 + 40)).allowed).toBe(false);
    expect((await second.take(key, T0 + 100)).allowed).toBe(true);
    expect((await first.take(key, T0 + 100)).allowed).toBe(false);
    expect(await takeMany(first, key, 3, T0 + 3_600_000)).toEqual([true, true, false]);
  });

  it("keeps each key's bucket separate", async () => {
    const limiter = instance({ ratePerSecond: 1, burst: 1 });
    const [a, b] = [freshKey(), freshKey()];
    expect((await limiter.take(a, T0)).allowed).toBe(true);
    expect((await limiter.take(a, T0)).allowed).toBe(false);
    expect((await limiter.take(b, T0)).allowed).toBe(true);
  });

  it("neither refills nor drains when an instance's clock lags", async () => {
    const shape = { ratePerSecond: 1, burst: 2 };
    const [first, lagging] = [instance(shape), instance(shape)];
    const key = freshKey();
    await first.take(key, T0);
    expect(await lagging.take(key, T0 - 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await lagging.take(key, T0 - 60_000)).allowed).toBe(false);
    // The lagging clock did not move the bucket's time back: a second later exactly one token is back.
    expect(await takeMany(first, key, 2, T0 + 1000)).toEqual([true, false]);
  });
}
