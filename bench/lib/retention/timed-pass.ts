import { setTimeout as sleep } from "node:timers/promises";
import { runRetentionPass, type PassTotals } from "@/lib/retention/prune-pass";

export interface TimedPass {
  totals: PassTotals;
  /** Wall time of each batch: from the end of one pause to the start of the next (the batch's transaction and its JS). */
  batchMs: number[];
  /** CPU time of each batch (user + system, this process): what a busy machine inflates least. */
  batchCpuMs: number[];
  wallMs: number;
}

/**
 * The job's own pass (lib/retention/prune-pass.ts), its batches timed between the pauses it takes.
 * Nothing else runs in between: on SQLite a batch is synchronous from its first statement to COMMIT.
 */
export async function timedPass(options: { now: number; eventDays: number; batchSize: number; pauseMs: number }): Promise<TimedPass> {
  const batchMs: number[] = [];
  const batchCpuMs: number[] = [];
  const started = performance.now();
  let batchStarted = started;
  let cpuStarted = process.cpuUsage();
  const batchEnded = () => {
    const cpu = process.cpuUsage(cpuStarted);
    batchMs.push(performance.now() - batchStarted);
    batchCpuMs.push((cpu.user + cpu.system) / 1000);
  };
  const totals = await runRetentionPass({
    now: options.now,
    settings: options,
    pause: async (ms) => {
      batchEnded();
      await sleep(ms);
      batchStarted = performance.now();
      cpuStarted = process.cpuUsage();
    },
  });
  batchEnded();
  return { totals, batchMs, batchCpuMs, wallMs: performance.now() - started };
}
