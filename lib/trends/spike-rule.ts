import { bucketStart, DAY_MS } from "./buckets";
import type { SpikeWindow, TimeRange } from "./types";

/** Fewer events than this in the window are never a spike: 1 → 3 is noise, not an incident. */
export const MIN_COUNT = 10;
/** How many robust spreads above typical the recent count must be. */
export const MIN_SCORE = 4;
/** The recent count must also be at least this multiple of typical, so big steady codes need a real jump. */
export const MIN_RATIO = 2;
/** Baseline: this many previous days (the same hour on each for 1 hour, whole days for 24 hours). */
export const BASELINE_DAYS = 7;
/** Scales the median absolute deviation to a standard deviation for normally distributed counts. */
export const MAD_SCALE = 1.4826;
/** A code is new for an organization when it produced none in this long before the window. */
export const NEW_CODE_LOOKBACK_MS = 30 * DAY_MS;

/** The rule in words, shown on the spikes page and returned by the API. */
export const SPIKE_RULE_TEXT =
  `A code is spiking for an organization when, in the window that just ended, it has at least ${MIN_COUNT} events, ` +
  `at least ${MIN_RATIO}× its typical count, and at least ${MIN_SCORE} spreads above it. Typical is the median of ` +
  `${BASELINE_DAYS} counts, so a daily rush hour is not a spike: for the last hour, the same hour on each of the previous ` +
  `${BASELINE_DAYS} days; for the last 24 hours, each of the ${BASELINE_DAYS} whole UTC days before the window (24 hours ` +
  `span one whole daily cycle, as a day does). The spread is ${MAD_SCALE} × the median absolute deviation of those counts, ` +
  `but never less than the square root of the typical count (or 1), so small numbers need a large jump. Baseline hours ` +
  `or days that start before the organization's first event are left out, and an organization with none left is not ` +
  `judged yet. Recent counts and whole-day baselines are exact; the hourly baseline is read from hourly counts and is ` +
  `an estimate to the hour. A new code is one the organization produced in the window but not in the ` +
  `${NEW_CODE_LOOKBACK_MS / DAY_MS} days before it.`;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Median absolute deviation: a spread that one wild day in the baseline cannot inflate. */
export function medianAbsoluteDeviation(values: readonly number[], center = median(values)): number {
  return median(values.map((value) => Math.abs(value - center)));
}

export interface SpikeJudgement {
  /** Median of the baseline samples. */
  expected: number;
  spread: number;
  score: number;
  isSpike: boolean;
}

/** Judges a recent count against baseline samples (one per previous day) by the rule above. */
export function judgeSpike(recent: number, baseline: readonly number[]): SpikeJudgement {
  const expected = median(baseline);
  // The Poisson floor keeps a perfectly flat baseline (MAD 0) from turning +1 into an infinite score.
  const spread = Math.max(MAD_SCALE * medianAbsoluteDeviation(baseline, expected), Math.sqrt(Math.max(expected, 1)));
  const score = (recent - expected) / spread;
  const isSpike = baseline.length > 0 && recent >= MIN_COUNT && score >= MIN_SCORE && recent >= MIN_RATIO * expected;
  return { expected, spread, score, isSpike };
}

/** The same window shifted back by 1..`days` days, most recent first: the 1-hour window's baseline. */
export function baselineWindows(window: TimeRange, days = BASELINE_DAYS): TimeRange[] {
  return Array.from({ length: days }, (_, index) => ({ from: window.from - (index + 1) * DAY_MS, to: window.to - (index + 1) * DAY_MS }));
}

/**
 * The `days` whole UTC days before the day the window starts in, most recent first: the 24-hour
 * window's baseline. Whole days are exact and the same for every window starting that day, so they
 * are read once and kept (db/queries/closed-rollups.ts) instead of 7 × 25 hourly rows per request.
 */
export function baselineDays(window: TimeRange, days = BASELINE_DAYS): TimeRange[] {
  const end = bucketStart(window.from, "day");
  return Array.from({ length: days }, (_, index) => ({ from: end - (index + 1) * DAY_MS, to: end - index * DAY_MS }));
}

/** The windows a spike window is judged against. */
export function baselineFor(window: SpikeWindow, range: TimeRange): TimeRange[] {
  return window === "24h" ? baselineDays(range) : baselineWindows(range);
}

/**
 * The baseline samples that describe the organization: windows that start before its first event
 * would read as zeros and make any new customer look like a spike.
 */
export function baselineSamples(windows: readonly TimeRange[], counts: readonly number[], historyStart: number): number[] {
  return windows.flatMap((window, index) => (window.from >= historyStart ? [counts[index] ?? 0] : []));
}
