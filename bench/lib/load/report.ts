import { markdownTable } from "../report";
import type { DriverResult, RouteFigures } from "./driver";
import { STOP_GRACE_SECONDS, type StoppedInstance } from "./instances";
import { LatencyHistogram } from "./latency";
import { formatMiB } from "./memory";
import { OPERATIONS } from "./mix";
import { ROUTES } from "./traffic";

const whole = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => (Number.isNaN(value) ? "–" : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const errorCount = (figures: RouteFigures) => Object.values(figures.errors).reduce((sum, count) => sum + count, 0);

/** Whole-run errors of all routes; the run fails when this is above 0. */
export function totalErrors(result: DriverResult): number {
  return OPERATIONS.reduce((sum, operation) => sum + errorCount(result.routes[operation]), 0);
}

/** Per route, and all routes together: throughput and latency in the window, errors over the whole run. */
export function routeTable(result: DriverResult, seconds: number): string[] {
  const all = new LatencyHistogram();
  const row = (label: string, requests: number, events: number | undefined, latency: LatencyHistogram, errors: number) => {
    const s = latency.summary();
    const eventsPerSecond = events === undefined ? "" : whole(events / seconds);
    return [label, whole(requests), (requests / seconds).toFixed(1), eventsPerSecond, ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), whole(errors)];
  };
  const rows = OPERATIONS.filter((operation) => result.routes[operation].requests + errorCount(result.routes[operation]) > 0).map((operation) => {
    const figures = result.routes[operation];
    all.merge(figures.latency);
    const ingest = operation === "batch" || operation === "single";
    return row(ROUTES[operation], figures.requests, ingest ? figures.eventsInWindow : undefined, figures.latency, errorCount(figures));
  });
  const sum = (pick: (figures: RouteFigures) => number) => OPERATIONS.reduce((total, operation) => total + pick(result.routes[operation]), 0);
  rows.push(row("all routes", sum((f) => f.requests), sum((f) => f.eventsInWindow), all, totalErrors(result)));
  return markdownTable(["route", "requests", "req/s", "events/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"], rows);
}

/** One line per route that had errors, with each status or network error and its count. */
export function errorLines(result: DriverResult): string[] {
  return OPERATIONS.flatMap((operation) => {
    const entries = Object.entries(result.routes[operation].errors);
    if (entries.length === 0) return [];
    return [`  ✗ ${ROUTES[operation]}: ${entries.map(([status, count]) => `${status} × ${whole(count)}`).join(", ")}`];
  });
}

function exitText({ exit, clean, stopSeconds }: StoppedInstance): string {
  if (exit.forced) return `still running ${STOP_GRACE_SECONDS} s after SIGTERM: killed`;
  const how = exit.signal ? `ended by ${exit.signal}` : `exit ${exit.code}`;
  return `${clean ? "clean" : "NOT clean"}: ${how} in ${stopSeconds.toFixed(1)} s`;
}

/** Per instance: its share of requests, CPU in the window, memory, and how it stopped. */
export function instanceTable(stopped: readonly StoppedInstance[], result: DriverResult, seconds: number): string[] {
  const rows = stopped.map((entry, index) => {
    const { instance, memoryAtEnd } = entry;
    const cores = instance.cpuAtStart !== undefined && instance.cpuAtEnd !== undefined ? ((instance.cpuAtEnd - instance.cpuAtStart) / seconds).toFixed(2) : "–";
    return [
      `#${index + 1} (port ${instance.server.port})`,
      whole(result.perTarget[index] ?? 0),
      cores,
      formatMiB(instance.memoryAtStart?.rssBytes),
      formatMiB(memoryAtEnd?.rssBytes),
      formatMiB(memoryAtEnd?.peakBytes),
      exitText(entry),
    ];
  });
  return markdownTable(["instance", "requests sent", "CPU cores", "RSS window start", "RSS end", "peak RSS (VmHWM)", "SIGTERM"], rows);
}

/**
 * The servers' CPU per answered request in the window, all routes together. Unlike latency and
 * throughput it barely depends on what else runs on the machine, so runs on a busy machine can
 * still be compared: capacity is roughly the cores available divided by it.
 */
export function cpuPerRequestLine(stopped: readonly StoppedInstance[], result: DriverResult): string {
  const cpuSeconds = stopped.reduce((sum, { instance }) => sum + ((instance.cpuAtEnd ?? Number.NaN) - (instance.cpuAtStart ?? Number.NaN)), 0);
  const requests = OPERATIONS.reduce((sum, operation) => sum + result.routes[operation].requests, 0);
  return `server CPU: ${((cpuSeconds / requests) * 1000).toFixed(2)} ms per request (the instances' CPU time in the window / requests answered in it)`;
}

/** Each instance's RSS as sampled through the run. */
export function rssTrailLines(stopped: readonly StoppedInstance[], everySeconds: number): string[] {
  return stopped.map(({ instance }, index) => `RSS every ${everySeconds} s, #${index + 1}: ${instance.rssTrail.map((bytes) => (bytes / 1024 ** 2).toFixed(0)).join(" → ")} MiB`);
}
