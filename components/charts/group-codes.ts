import type { TrendPoint } from "@/lib/trends/types";

/** Series key under which the codes beyond the chart's limit are summed. */
export const OTHER_CODES = "other codes";

/**
 * Keeps `shown` codes as their own series and sums the rest into one "other codes" series, so a
 * chart of dozens of codes stays readable (the table below it still lists every code).
 */
export function groupMinorCodes(series: readonly TrendPoint[], shown: readonly string[]): TrendPoint[] {
  const keep = new Set(shown);
  return series.map((point) => {
    const counts: Record<string, number> = {};
    for (const [code, count] of Object.entries(point.counts)) {
      const key = keep.has(code) ? code : OTHER_CODES;
      counts[key] = (counts[key] ?? 0) + count;
    }
    return { t: point.t, counts };
  });
}
