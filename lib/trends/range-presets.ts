import type { TimeRange } from "./types";

const HOUR_MS = 3_600_000;

/** The ranges the organization page offers in one click; each ends "now" when it is fetched. */
export const RANGE_PRESETS = { "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
/** Windows the spike detector judges. */
export const SPIKE_WINDOWS = ["1h", "24h"] as const;

export const RANGE_CHOICES = ["24h", "7d", "30d", "custom"] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number];

export interface RangeSelection {
  range: RangeChoice;
  /** Only for "custom": epoch ms. */
  from?: number | null;
  to?: number | null;
}

/**
 * The concrete range a selection means at `now`. A custom selection missing either end falls back
 * to the last 24 hours rather than failing, so a half-edited link still shows something.
 */
export function resolveRange(selection: RangeSelection, now: number): TimeRange {
  if (selection.range === "custom") {
    if (typeof selection.from === "number" && typeof selection.to === "number") return { from: selection.from, to: selection.to };
    return { from: now - RANGE_PRESETS["24h"], to: now };
  }
  return { from: now - RANGE_PRESETS[selection.range], to: now };
}

/** The last `durationMs` up to now: what server pages show for "recently". */
export function rangeEndingNow(durationMs: number, now: number = Date.now()): TimeRange {
  return { from: now - durationMs, to: now };
}
