import os from "node:os";
import type { LoadResult } from "./ingest-load";

/** Targets from issue 4 ("Speed"). */
export const BATCH_TARGET = 0.5;
export const SINGLE_TARGET = 0.6;

export interface Figures {
  settings: { batch: number; batchClients: number; clients: number; seconds: number };
  /** Events per second through `storeEvents` in-process. */
  ceiling: number;
  health?: LoadResult;
  single?: LoadResult;
  json?: LoadResult;
  ndjson?: LoadResult;
  /** Single events with group commit off. */
  baseline?: LoadResult;
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const gib = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu}, ${os.cpus().length} cores, ${gib} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

const whole = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const latency = (result: LoadResult) => `${ms(result.p50Ms)} / ${ms(result.p99Ms)}`;
// One decimal: a ratio just under a target must not print as the target itself.
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const verdict = (ratio: number, target: number) => `${ratio >= target ? "PASS" : "FAIL"} (≥ ${(target * 100).toFixed(0)} %)`;
/** Cores the server and the load generator kept busy, and the server's CPU time per request. */
const cpu = (result: LoadResult) => {
  const server = result.serverCores;
  const perRequest = server === undefined ? "–" : `${((server / result.perSecond) * 1000).toFixed(2)} ms`;
  return `${server === undefined ? "–" : server.toFixed(2)} / ${result.clientCores.toFixed(2)} / ${perRequest}`;
};

/** A Markdown table, so the output can be pasted into bench/README.md as it is. */
export function formatReport(f: Figures): string[] {
  const { batch, batchClients, clients } = f.settings;
  const rows: string[][] = [[`storage ceiling: storeEvents in-process, batches of ${batch}`, `${whole(f.ceiling)} events/s`, "", "", "", ""]];
  for (const [label, result] of [
    ["JSON", f.json],
    ["NDJSON", f.ndjson],
  ] as const) {
    if (!result) continue;
    const eventsPerSecond = result.perSecond * batch;
    const ratio = eventsPerSecond / f.ceiling;
    rows.push([`HTTP ${label}, batches of ${batch}, ${batchClients} clients`, `${whole(eventsPerSecond)} events/s`, latency(result), cpu(result), `${percent(ratio)} of storage`, verdict(ratio, BATCH_TARGET)]);
  }
  if (f.health) rows.push([`GET /api/health, ${clients} clients (framework ceiling)`, `${whole(f.health.perSecond)} req/s`, latency(f.health), cpu(f.health), "", ""]);
  if (f.single && f.health) {
    const ratio = f.single.perSecond / f.health.perSecond;
    rows.push([`single-event POST, ${clients} clients`, `${whole(f.single.perSecond)} req/s`, latency(f.single), cpu(f.single), `${percent(ratio)} of health`, verdict(ratio, SINGLE_TARGET)]);
  }
  if (f.baseline && f.health) {
    const ratio = f.baseline.perSecond / f.health.perSecond;
    rows.push([`  same, group commit off (one transaction per request)`, `${whole(f.baseline.perSecond)} req/s`, latency(f.baseline), cpu(f.baseline), `${percent(ratio)} of health`, "(for comparison)"]);
  }
  const header = ["measured", "rate", "p50 / p99 ms", "cores server / client / server CPU per request", "ratio", "target"];
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)];
}
