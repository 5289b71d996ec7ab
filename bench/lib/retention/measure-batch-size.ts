import { setTimeout as sleep } from "node:timers/promises";
import { summarize } from "../measure";
import { startIngestLoop } from "./ingest-loop";
import { timedPass } from "./timed-pass";

export const EVENT_DAYS = 90;
/**
 * The ingest beside the pruning: 20 events committed every 100 ms (200 events/s, 17 M a day), far
 * enough from saturating the machine that what the pruning adds to a commit's wait shows.
 */
export const INGEST = { everyMs: 100, events: 20 };

export interface RunOptions {
  events: number;
  days: number;
  batches: number[];
  pauseMs: number;
  baselineSeconds: number;
}

const ms = (value: number) => (value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** One row of the report: a batch size's pass over the backlog, with ingest beside it and without. */
export async function measureBatchSize(batchSize: number, options: RunOptions, tag: string): Promise<string[]> {
  const baselineLoop = startIngestLoop({ ...INGEST, tag: `${tag}_base` });
  await sleep(options.baselineSeconds * 1000);
  const baseline = summarize(await baselineLoop.stop());

  const loop = startIngestLoop({ ...INGEST, tag: `${tag}_prune` });
  const pass = await timedPass({ now: Date.now(), eventDays: EVENT_DAYS, batchSize, pauseMs: options.pauseMs });
  const during = summarize(await loop.stop());
  const idle = await timedPass({ now: Date.now(), eventDays: EVENT_DAYS, batchSize, pauseMs: options.pauseMs });
  const batches = summarize(pass.batchMs);
  const cpu = summarize(pass.batchCpuMs);
  return [
    String(batchSize),
    pass.totals.events.toLocaleString("en-US"),
    (pass.wallMs / 1000).toFixed(1),
    Math.round(pass.totals.events / (pass.wallMs / 1000)).toLocaleString("en-US"),
    `${ms(batches.median)} / ${ms(batches.p99)} / ${ms(batches.max)}`,
    `${ms(cpu.median)} / ${ms(cpu.p99)}`,
    `${ms(baseline.median)} / ${ms(baseline.p99)} / ${ms(baseline.max)}`,
    `${ms(during.median)} / ${ms(during.p99)} / ${ms(during.max)}`,
    ms(idle.batchMs.reduce((sum, batch) => sum + batch, 0)),
  ];
}

export const REPORT_HEADER = [
  "batch",
  "events pruned",
  "pass s",
  "rows/s",
  "batch ms p50 / p99 / max",
  "batch CPU ms p50 / p99",
  "ingest commit ms, no pruning",
  "ingest commit ms, pruning",
  "idle pass ms",
];

