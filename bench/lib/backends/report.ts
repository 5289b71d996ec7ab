import { markdownTable, ms } from "../report";
import type { BackendFigures } from "./measure";

/** Issue 7's PostgreSQL targets at 5 million events; SQLite is measured beside them, not held to them. */
export const TARGETS = { lookupP99Ms: 5, trendMedianMs: 50, ingestEventsPerSecond: 20_000 } as const;

/** Events per second, whole, with thousands separators. */
export const rate = (value: number) => Math.round(value).toLocaleString("en-US");
const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

/** measure | SQLite | PostgreSQL | target | PASS/FAIL, as Markdown so it can be pasted into bench/README.md. */
export function comparisonTable(sqlite: BackendFigures, postgres: BackendFigures): string[] {
  const row = (label: string, pick: (figures: BackendFigures) => string, target = "", pass?: boolean) => [
    label,
    pick(sqlite),
    pick(postgres),
    target,
    pass === undefined ? "" : verdict(pass),
  ];
  const lookups = postgres.lookup.runs.toLocaleString("en-US");
  const calls = postgres.trend.runs;
  const ingested = postgres.ingest.measured.toLocaleString("en-US");
  return markdownTable(
    ["measure", "SQLite", "PostgreSQL", "target", "PASS/FAIL"],
    [
      row(`lookup by request id, p50 ms (${lookups} random ids)`, (f) => ms(f.lookup.median)),
      row("lookup by request id, p99 ms", (f) => ms(f.lookup.p99), `< ${TARGETS.lookupP99Ms} ms`, postgres.lookup.p99 < TARGETS.lookupP99Ms),
      row("lookup by request id, max ms", (f) => ms(f.lookup.max)),
      row(`30-day hourly trend, largest org, median ms (${calls} calls)`, (f) => ms(f.trend.median), `< ${TARGETS.trendMedianMs} ms`, postgres.trend.median < TARGETS.trendMedianMs),
      row("30-day hourly trend, largest org, p99 ms", (f) => ms(f.trend.p99)),
      row(
        `batched ingest, ${ingested} events in submissions of ${postgres.ingest.batch}, events/s`,
        (f) => rate(f.ingest.eventsPerSecond),
        `≥ ${rate(TARGETS.ingestEventsPerSecond)}/s`,
        postgres.ingest.eventsPerSecond >= TARGETS.ingestEventsPerSecond,
      ),
      row(`  same, ${postgres.ingest.grouped} submissions of ${postgres.ingest.batch} per transaction (group commit), events/s`, (f) => rate(f.ingest.groupedPerSecond)),
      row("1-min load average before / after measuring", (f) => `${f.load.before} / ${f.load.after}`),
    ],
  );
}

/** Which PostgreSQL targets missed, by name. */
export function missedTargets(postgres: BackendFigures): string[] {
  const missed: string[] = [];
  if (postgres.lookup.p99 >= TARGETS.lookupP99Ms) missed.push("lookup p99");
  if (postgres.trend.median >= TARGETS.trendMedianMs) missed.push("30-day trend");
  if (postgres.ingest.eventsPerSecond < TARGETS.ingestEventsPerSecond) missed.push("batched ingest");
  return missed;
}

/** Answers that must not differ: both backends hold the same rows, so they must say the same. */
export function disagreements(sqlite: BackendFigures, postgres: BackendFigures): string[] {
  const problems: string[] = [];
  if (sqlite.trend.events !== postgres.trend.events || sqlite.trend.buckets !== postgres.trend.buckets) {
    problems.push(`the 30-day trend counts ${sqlite.trend.events} events in ${sqlite.trend.buckets} buckets on SQLite, ${postgres.trend.events} in ${postgres.trend.buckets} on PostgreSQL`);
  }
  for (const figures of [sqlite, postgres]) {
    if (figures.lookup.missing > 0) problems.push(`${figures.name}: ${figures.lookup.missing} lookups of stored request ids found nothing`);
    problems.push(...figures.ingest.problems.map((problem) => `${figures.name}: ${problem}`));
  }
  return problems;
}
