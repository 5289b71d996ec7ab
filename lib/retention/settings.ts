import { env } from "@/lib/env";
import { bucketStart, DAY_MS } from "@/lib/trends/buckets";
import { MAX_RANGE_DAYS } from "@/lib/trends/range-query";

/** Rollups (and the tombstones of the events they count) last as long as the longest chart range. */
export const ROLLUP_RETENTION_DAYS = MAX_RANGE_DAYS;

export interface RetentionSettings {
  /** Days raw events are kept (ERRATA_RETENTION_DAYS). */
  eventDays: number;
  /** Rows deleted per transaction. */
  batchSize: number;
  /** Pause between two batches, in which ingest commits take the write lock. */
  pauseMs: number;
  /** Time from the start of one pass to the start of the next. */
  everyMs: number;
  /** Time from starting the job to its first pass, so it does not compete with the server's start. */
  firstPassAfterMs: number;
}

/**
 * Each pruned event rewrites about two random index pages on SQLite (its id in events' unique index,
 * its tombstone's key) and a batch's commit writes them all to the WAL, so a batch costs in
 * proportion to its rows: 100 rows took 4.3 ms (median), 250 rows 12 ms (bench/README.md,
 * "Retention"). 50 rows cut the ingest commits' wait no further and made the pass 40 % longer.
 * The pause then lets queued ingest commits through; prune-pass.ts lengthens it after a slow batch.
 */
export const BATCH_SIZE = 100;
export const PAUSE_MS = 10;

export function retentionSettings(): RetentionSettings {
  return { eventDays: env().ERRATA_RETENTION_DAYS, batchSize: BATCH_SIZE, pauseMs: PAUSE_MS, everyMs: 60_000, firstPassAfterMs: 10_000 };
}

export interface RetentionCutoffs {
  /** Events that occurred before this go. */
  events: number;
  /**
   * Rollup hours, and tombstones of events, before this go: the start of the UTC day 400 days back,
   * so a chart of the longest range, widened to whole days, still finds every hour it shows.
   */
  rollups: number;
}

export function retentionCutoffs(now: number, eventDays: number): RetentionCutoffs {
  return { events: now - eventDays * DAY_MS, rollups: bucketStart(now - ROLLUP_RETENTION_DAYS * DAY_MS, "day") };
}
