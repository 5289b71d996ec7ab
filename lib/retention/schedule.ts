import "server-only";

import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { runRetentionPass, type PassTotals } from "./prune-pass";
import type { RetentionSettings } from "./settings";

export interface RetentionJob {
  /** Lets the running batch finish, runs no other, and resolves once the job is idle. */
  stop(): Promise<void>;
}

export interface JobOptions {
  settings: RetentionSettings;
  log: Pick<Logger, "info" | "debug" | "warn">;
  now?: () => number;
  /** The pass to run (tests replace it). */
  runPass?: typeof runRetentionPass;
}

function passLine(totals: PassTotals, durationMs: number) {
  return {
    events_deleted: totals.events,
    rollups_deleted: totals.rollups,
    tombstones_deleted: totals.tombstones,
    batches: totals.batches,
    events_before: new Date(totals.cutoffs.events).toISOString(),
    duration_ms: Math.round(durationMs),
    ...(totals.leftToAnotherInstance ? { left_to_another_instance: true } : {}),
    ...(totals.stopped ? { stopped: true } : {}),
  };
}

/**
 * Runs a retention pass every `everyMs` (from one start to the next; a pass that overruns is followed
 * at once by the next, never overlapped), the first `firstPassAfterMs` after starting. Timers are
 * unref'd: the job never keeps a process alive on its own.
 */
export function startRetentionJob({ settings, log, now = Date.now, runPass = runRetentionPass }: JobOptions): RetentionJob {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const pass = async () => {
    const startedAt = now();
    try {
      const totals = await runPass({ now: startedAt, settings, pause: (ms) => sleep(ms), stopping: () => stopping });
      const line = passLine(totals, now() - startedAt);
      // A line per pass; at debug when it found nothing, so an idle server's log stays quiet.
      const deleted = totals.events + totals.rollups + totals.tombstones;
      if (deleted > 0 || totals.stopped) log.info(line, "retention pass");
      else log.debug(line, "retention pass");
    } catch (error) {
      log.warn({ err: error }, "retention pass failed; the next pass retries");
    }
    return now() - startedAt;
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      running = pass().then((tookMs) => {
        running = undefined;
        if (!stopping) schedule(Math.max(0, settings.everyMs - tookMs));
      });
    }, delayMs).unref();
  };
  schedule(settings.firstPassAfterMs);

  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
