import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "./latency";

/** The exact nearest-rank percentile, to compare the histogram's against. */
function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

function histogramOf(values: readonly number[]): LatencyHistogram {
  const histogram = new LatencyHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

describe("LatencyHistogram", () => {
  it("gives every percentile within 1 % of the exact nearest-rank value, and the exact max", () => {
    // Skewed like real latencies: most answers fast, a long tail.
    const values = Array.from({ length: 10_000 }, (_, n) => 0.2 + (n % 97) * 0.05 + (n % 1000 === 0 ? 900 : 0) + ((n * 7919) % 10_000) / 1000);
    const histogram = histogramOf(values);
    for (const p of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = nearestRank(values, p);
      expect(Math.abs(histogram.percentile(p) - exact) / exact).toBeLessThanOrEqual(0.01);
      // A bucket's upper bound: never below the exact value.
      expect(histogram.percentile(p)).toBeGreaterThanOrEqual(exact);
    }
    expect(histogram.summary().max).toBe(Math.max(...values));
    expect(histogram.count).toBe(values.length);
  });

  it("returns the recorded value itself when all are equal (clamped to the exact min and max)", () => {
    const histogram = histogramOf([12.34, 12.34, 12.34]);
    expect(histogram.summary()).toEqual({ count: 3, p50: 12.34, p90: 12.34, p99: 12.34, max: 12.34 });
  });

  it("uses nearest rank (no interpolation): the p50 of 1..4 is 2, the p99 of 1..100 is 99, within a bucket's 1 %", () => {
    const p50 = histogramOf([4, 1, 3, 2]).percentile(0.5);
    expect(p50).toBeGreaterThanOrEqual(2);
    expect(p50).toBeLessThanOrEqual(2 * 1.01);
    const hundred = histogramOf(Array.from({ length: 100 }, (_, n) => n + 1));
    expect(hundred.percentile(0.99)).toBeGreaterThanOrEqual(99);
    expect(hundred.percentile(0.99)).toBeLessThanOrEqual(99 * 1.01);
    expect(hundred.percentile(1)).toBe(100);
  });

  it("merges to the same answer as recording everything in one", () => {
    const a = [0.5, 3, 7, 120];
    const b = [1, 2, 2, 50, 800];
    const merged = histogramOf(a);
    merged.merge(histogramOf(b));
    expect(merged.summary()).toEqual(histogramOf([...a, ...b]).summary());
  });

  it("reports NaN when empty and refuses nonsense", () => {
    expect(Number.isNaN(new LatencyHistogram().percentile(0.5))).toBe(true);
    expect(Number.isNaN(new LatencyHistogram().summary().max)).toBe(true);
    expect(() => new LatencyHistogram().record(-1)).toThrow();
    expect(() => new LatencyHistogram().percentile(0)).toThrow();
  });

  it("keeps sub-microsecond and minute-long latencies apart", () => {
    const histogram = histogramOf([0.0001, 60_000]);
    expect(histogram.percentile(0.5)).toBeLessThanOrEqual(0.001);
    expect(histogram.percentile(1)).toBe(60_000);
  });
});
