import { describe, expect, it } from "vitest";
import { alignRange, bucketCount, bucketStart, bucketStarts, chooseBucket, DAY_MS, fillSeries, HOUR_MS, MINUTE_MS, pointsFromRows, totalsByCode } from "./buckets";

const at = (iso: string) => Date.parse(iso);

describe("bucketStart", () => {
  it.each([
    ["minute", "2026-03-29T01:59:59.999Z", "2026-03-29T01:59:00.000Z"],
    ["hour", "2026-03-29T01:59:59.999Z", "2026-03-29T01:00:00.000Z"],
    ["day", "2026-03-29T23:59:59.999Z", "2026-03-29T00:00:00.000Z"],
    ["hour", "2026-03-29T02:00:00.000Z", "2026-03-29T02:00:00.000Z"],
    ["day", "1969-12-31T12:00:00.000Z", "1969-12-31T00:00:00.000Z"],
  ] as const)("floors to the UTC %s: %s → %s", (bucket, time, start) => {
    expect(new Date(bucketStart(at(time), bucket)).toISOString()).toBe(start);
  });
});

describe("bucketStarts", () => {
  it("covers a half-open aligned range without its end", () => {
    const starts = bucketStarts({ from: at("2026-11-26T10:00Z"), to: at("2026-11-26T13:00Z") }, "hour");
    expect(starts.map((t) => new Date(t).toISOString())).toEqual(["2026-11-26T10:00:00.000Z", "2026-11-26T11:00:00.000Z", "2026-11-26T12:00:00.000Z"]);
  });

  it("includes the partial first and last buckets of an unaligned range", () => {
    const starts = bucketStarts({ from: at("2026-11-26T10:20Z"), to: at("2026-11-26T12:00:00.001Z") }, "hour");
    expect(starts).toEqual([at("2026-11-26T10:00Z"), at("2026-11-26T11:00Z"), at("2026-11-26T12:00Z")]);
  });

  it("gives one bucket for a range inside a bucket and none for an empty range", () => {
    expect(bucketStarts({ from: at("2026-11-26T10:20Z"), to: at("2026-11-26T10:21Z") }, "hour")).toEqual([at("2026-11-26T10:00Z")]);
    expect(bucketStarts({ from: 5, to: 5 }, "minute")).toEqual([]);
    expect(bucketCount({ from: 10, to: 5 }, "day")).toBe(0);
  });

  it("has days of exactly 24 hours across the dates Europe changes its clocks", () => {
    // 2026-03-29 and 2026-10-25: 23- and 25-hour days in Berlin; UTC has none.
    for (const range of [
      { from: at("2026-03-27T00:00Z"), to: at("2026-04-01T00:00Z") },
      { from: at("2026-10-23T00:00Z"), to: at("2026-10-28T00:00Z") },
    ]) {
      const starts = bucketStarts(range, "day");
      expect(starts).toHaveLength(5);
      expect(starts.slice(1).map((t, index) => t - (starts[index] ?? 0))).toEqual([DAY_MS, DAY_MS, DAY_MS, DAY_MS]);
      expect(starts.every((t) => new Date(t).toISOString().endsWith("T00:00:00.000Z"))).toBe(true);
    }
    expect(bucketCount({ from: at("2026-03-29T00:00Z"), to: at("2026-03-30T00:00Z") }, "hour")).toBe(24);
    expect(bucketCount({ from: at("2026-10-25T00:00Z"), to: at("2026-10-26T00:00Z") }, "hour")).toBe(24);
  });
});

describe("alignRange", () => {
  it("widens to whole buckets and leaves aligned ranges alone", () => {
    expect(alignRange({ from: at("2026-11-26T10:20Z"), to: at("2026-11-27T03:00Z") }, "day")).toEqual({ from: at("2026-11-26T00:00Z"), to: at("2026-11-28T00:00Z") });
    expect(alignRange({ from: at("2026-11-26T10:00Z"), to: at("2026-11-26T12:00Z") }, "hour")).toEqual({ from: at("2026-11-26T10:00Z"), to: at("2026-11-26T12:00Z") });
    expect(alignRange({ from: 61_000, to: 120_001 }, "minute")).toEqual({ from: MINUTE_MS, to: 3 * MINUTE_MS });
  });
});

describe("chooseBucket", () => {
  it.each([
    [6 * HOUR_MS, "minute"],
    [6 * HOUR_MS + 1, "hour"],
    [8 * DAY_MS, "hour"],
    [8 * DAY_MS + 1, "day"],
    [400 * DAY_MS, "day"],
  ] as const)("a range of %d ms gets %s buckets", (length, bucket) => {
    expect(chooseBucket({ from: 1_000_000, to: 1_000_000 + length })).toBe(bucket);
  });
});

describe("fillSeries", () => {
  const range = { from: at("2026-11-26T10:30Z"), to: at("2026-11-26T14:00Z") };

  it("gives every bucket, empty ones with no counts, and adds rows up per code", () => {
    const series = fillSeries(range, "hour", [
      { t: at("2026-11-26T10:00Z"), counts: { a: 2 } },
      { t: at("2026-11-26T12:00Z"), counts: { a: 1, b: 4 } },
      { t: at("2026-11-26T12:00Z"), counts: { b: 1 } },
    ]);
    expect(series).toEqual([
      { t: at("2026-11-26T10:00Z"), counts: { a: 2 } },
      { t: at("2026-11-26T11:00Z"), counts: {} },
      { t: at("2026-11-26T12:00Z"), counts: { a: 1, b: 5 } },
      { t: at("2026-11-26T13:00Z"), counts: {} },
    ]);
    expect(totalsByCode(series)).toEqual({ a: 3, b: 5 });
  });

  it("ignores rows outside the range and zero counts", () => {
    const series = fillSeries(range, "hour", [
      { t: at("2026-11-26T09:00Z"), counts: { a: 9 } },
      { t: at("2026-11-26T14:00Z"), counts: { a: 9 } },
      { t: at("2026-11-26T11:00Z"), counts: { z: 0 } },
    ]);
    expect(series.every((point) => Object.keys(point.counts).length === 0)).toBe(true);
    expect(series).toHaveLength(4);
  });

  it("adds minute points that fall inside a wider bucket into it", () => {
    const points = pointsFromRows([
      { t: at("2026-11-26T10:31Z"), code: "a", count: 1 },
      { t: at("2026-11-26T10:31Z"), code: "a", count: 2 },
      { t: at("2026-11-26T10:45Z"), code: "b", count: 1 },
    ]);
    expect(points).toEqual([
      { t: at("2026-11-26T10:31Z"), counts: { a: 3 } },
      { t: at("2026-11-26T10:45Z"), counts: { b: 1 } },
    ]);
    expect(fillSeries(range, "hour", points)[0]).toEqual({ t: at("2026-11-26T10:00Z"), counts: { a: 3, b: 1 } });
  });

  it("zero-fills a whole range without rows", () => {
    const series = fillSeries({ from: at("2026-11-01T00:00Z"), to: at("2026-12-01T00:00Z") }, "day", []);
    expect(series).toHaveLength(30);
    expect(series[29]?.t).toBe(at("2026-11-30T00:00Z"));
    expect(totalsByCode(series)).toEqual({});
  });
});
