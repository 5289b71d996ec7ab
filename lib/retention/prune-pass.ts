import "server-only";

import type { AppDatabase } from "@/db/client";
import { pruneExpiredEvents, pruneExpiredRollups, pruneExpiredTombstones, type EventBatchOutcome } from "@/db/queries/retention";
import { retentionCutoffs, type RetentionCutoffs, type RetentionSettings } from "./settings";

export interface PassTotals {
  cutoffs: RetentionCutoffs;
  events: number;
  rollups: number;
  tombstones: number;
  /** Transactions run, including empty ones. */
  batches: number;
  /** PostgreSQL: another instance held the retention lock, so part of the work was left to it. */
  leftToAnotherInstance: boolean;
  /** Ended early because the job was stopped. */
  stopped: boolean;
}

export interface PassOptions {
  now: number;
  settings: Pick<RetentionSettings, "eventDays" | "batchSize" | "pauseMs">;
  /** Waits between batches; ingest commits take the write lock meanwhile. */
  pause: (ms: number) => Promise<void>;
  /** Asked before every batch: true once the job is stopping. */
  stopping?: () => boolean;
  handle?: AppDatabase;
}

/**
 * Each pause lasts at least twice the batch before it, so the retention holds SQLite's write lock (and
 * the server's event loop, as its transactions are synchronous) a third of the time at most, however
 * slow the disk or busy the machine; at the usual speed the fixed pause is the longer.
 */
const PAUSE_PER_BATCH_TIME = 2;

type Batch = (resumeAt: string | undefined) => Promise<EventBatchOutcome>;
type Phase = "events" | "rollups" | "tombstones";

/**
 * One pass of the retention: expired events (leaving tombstones), then rollups and tombstones past
 * 400 days, each a small transaction at a time with a pause before every batch but the first. A
 * phase ends with a batch that was not full, or that found another instance pruning (PostgreSQL);
 * the pass ends early, between batches, when the job stops. Errors propagate: the next pass retries.
 */
export async function runRetentionPass(options: PassOptions): Promise<PassTotals> {
  const { now, settings, handle } = options;
  const cutoffs = retentionCutoffs(now, settings.eventDays);
  const limit = settings.batchSize;
  const phases: [Phase, Batch][] = [
    ["events", (resumeAt) => pruneExpiredEvents({ before: cutoffs.events, limit, prunedAt: now, resumeAt }, handle)],
    ["rollups", () => pruneExpiredRollups({ before: cutoffs.rollups, limit }, handle)],
    ["tombstones", () => pruneExpiredTombstones({ before: cutoffs.rollups, limit }, handle)],
  ];
  const totals: PassTotals = { cutoffs, events: 0, rollups: 0, tombstones: 0, batches: 0, leftToAnotherInstance: false, stopped: false };
  let lastBatchMs = 0;
  for (const [phase, batch] of phases) {
    let resumeAt: string | undefined;
    for (;;) {
      if (totals.batches > 0) await options.pause(Math.max(settings.pauseMs, lastBatchMs * PAUSE_PER_BATCH_TIME));
      if (options.stopping?.()) return { ...totals, stopped: true };
      const started = performance.now();
      const outcome = await batch(resumeAt);
      lastBatchMs = performance.now() - started;
      totals.batches += 1;
      totals[phase] += outcome.deleted;
      if (outcome.busy) totals.leftToAnotherInstance = true;
      if (!outcome.more) break;
      resumeAt = outcome.resumeAt;
    }
  }
  return totals;
}
