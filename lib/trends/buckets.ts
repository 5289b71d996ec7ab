import type { Bucket, TimeRange, TrendPoint } from "./types";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Widths in milliseconds. UTC has no daylight-saving shifts, so every day is exactly 24 hours. */
export const BUCKET_MS: Readonly<Record<Bucket, number>> = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS };

/** Longest range the automatic choice still shows per minute (minute series come from raw events). */
export const MINUTE_RANGE_LIMIT_MS = 6 * HOUR_MS;
/** Longest range the automatic choice still shows per hour. */
export const HOUR_RANGE_LIMIT_MS = 8 * DAY_MS;

/** One bucket count per code, as the data layer returns it. */
export interface BucketCodeCount {
  /** Start of the bucket, epoch ms (UTC). */
  t: number;
  code: string;
  count: number;
}

/** Start of the UTC bucket holding `time`; also right for times before 1970. */
export function bucketStart(time: number, bucket: Bucket): number {
  const width = BUCKET_MS[bucket];
  return time - (((time % width) + width) % width);
}

/**
 * The range widened to whole buckets: from the start of the bucket holding `from` to the end of
 * the bucket holding the last instant before `to`. Rollups count whole hours, so every bucket shown
 * counts all of its events, including a partial first (or last) bucket.
 */
export function alignRange(range: TimeRange, bucket: Bucket): TimeRange {
  return { from: bucketStart(range.from, bucket), to: bucketStart(range.to - 1, bucket) + BUCKET_MS[bucket] };
}

/** How many buckets cover the half-open range (0 for an empty range). */
export function bucketCount(range: TimeRange, bucket: Bucket): number {
  if (range.to <= range.from) return 0;
  const aligned = alignRange(range, bucket);
  return (aligned.to - aligned.from) / BUCKET_MS[bucket];
}

/** Starts of the buckets covering the half-open range, oldest first. */
export function bucketStarts(range: TimeRange, bucket: Bucket): number[] {
  const first = bucketStart(range.from, bucket);
  return Array.from({ length: bucketCount(range, bucket) }, (_, index) => first + index * BUCKET_MS[bucket]);
}

/** Chart resolution for a range: minutes up to 6 hours, hours up to 8 days (so "last 7 days" shows hours), days beyond. */
export function chooseBucket(range: TimeRange): Bucket {
  const length = range.to - range.from;
  if (length <= MINUTE_RANGE_LIMIT_MS) return "minute";
  if (length <= HOUR_RANGE_LIMIT_MS) return "hour";
  return "day";
}

/** Sparse points from per-code rows (the minute series arrives that way). */
export function pointsFromRows(rows: readonly BucketCodeCount[]): TrendPoint[] {
  const points = new Map<number, TrendPoint>();
  for (const row of rows) {
    const point = points.get(row.t) ?? { t: row.t, counts: {} };
    point.counts[row.code] = (point.counts[row.code] ?? 0) + row.count;
    points.set(row.t, point);
  }
  return [...points.values()];
}

/**
 * One point per bucket of the range, oldest first, with the counts of the sparse `points` added
 * in; buckets without events get empty counts, so charts never have gaps. Points outside the
 * range are ignored, and so are zero counts (a code with no events is absent from a bucket).
 */
export function fillSeries(range: TimeRange, bucket: Bucket, points: readonly TrendPoint[]): TrendPoint[] {
  const filled = bucketStarts(range, bucket).map((t): TrendPoint => ({ t, counts: {} }));
  const first = filled[0]?.t ?? 0;
  for (const point of points) {
    const target = filled[(bucketStart(point.t, bucket) - first) / BUCKET_MS[bucket]];
    if (!target) continue;
    for (const [code, count] of Object.entries(point.counts)) {
      if (count !== 0) target.counts[code] = (target.counts[code] ?? 0) + count;
    }
  }
  return filled;
}

/** Events per code over a whole series. */
export function totalsByCode(series: readonly TrendPoint[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const point of series) {
    for (const [code, count] of Object.entries(point.counts)) totals[code] = (totals[code] ?? 0) + count;
  }
  return totals;
}
