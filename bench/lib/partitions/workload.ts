import type { Random } from "@/lib/demo/random";
import { DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import { LOOKUP, ORG_RANGE, WINDOW_COUNTS, type Read } from "./reads";
import type { SampledEvent, Source } from "./source";

export interface ReadCounts {
  lookups: number;
  hourRuns: number;
  drillRuns: number;
}

const LOOKUP_WARMUP = 200;
const HOUR_WARMUP = 5;
const DRILL_WARMUP = 20;

/** Sampled events needed: a distinct known request id per lookup, warm-up included. */
export const samplesNeeded = (counts: ReadCounts) => counts.lookups + LOOKUP_WARMUP;

/**
 * The measured reads with their parameters, drawn once so both layouts get the same ones. Windows
 * end anywhere in the data (not on hour boundaries), as a check run "now" does; a drill-down's
 * organization is a sampled event's, so busy organizations come up as often as they have events.
 */
export function reads(source: Source, sampled: readonly SampledEvent[], counts: ReadCounts, random: Random): Read[] {
  const at = (earliest: number) => earliest + Math.floor(random.next() * (source.to + 1 - earliest));
  const end = source.to + 1;
  return [
    {
      key: "lookup",
      label: `lookup by request id (${counts.lookups.toLocaleString("en-US")} known ids)`,
      sql: LOOKUP,
      params: sampled.map((event) => [event.requestId]),
      warmup: LOOKUP_WARMUP,
    },
    {
      key: "hour_now",
      label: `last hour at the data's "now", spike check's read (${counts.hourRuns} runs)`,
      sql: WINDOW_COUNTS,
      params: Array.from({ length: counts.hourRuns + HOUR_WARMUP }, () => [end - HOUR_MS, end]),
      warmup: HOUR_WARMUP,
    },
    {
      key: "hour_random",
      label: `a random hour, same read (${counts.hourRuns} runs)`,
      sql: WINDOW_COUNTS,
      params: Array.from({ length: counts.hourRuns + HOUR_WARMUP }, () => {
        const to = at(source.from + HOUR_MS);
        return [to - HOUR_MS, to];
      }),
      warmup: HOUR_WARMUP,
    },
    {
      key: "drill",
      label: `an organization's 1-day range, newest 50 (${counts.drillRuns} runs)`,
      sql: ORG_RANGE,
      params: Array.from({ length: counts.drillRuns + DRILL_WARMUP }, (_, n) => {
        const to = at(source.from + DAY_MS);
        return [sampled[n % sampled.length]!.orgId, to - DAY_MS, to];
      }),
      warmup: DRILL_WARMUP,
    },
  ];
}
