import { sql } from "drizzle-orm";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { closeDatabase, database, sqliteConnection, useDatabase as pointAppAt } from "@/db/client";
import { executeStatement } from "@/db/raw";
import { findEventByRequestId } from "@/db/queries/events";
import { windowCounts } from "@/db/queries/rollups";
import { HOUR_MS } from "@/lib/trends/buckets";
import { getTrend } from "@/lib/trends/org-trends";
import { RANGE_PRESETS } from "@/lib/trends/range-presets";
import type { Timing } from "../measure";
import { load } from "../report";
import type { FilledBackend } from "./backend";
import { measureIngest, type IngestFigures } from "./ingest";
import { postgresPlans, sqlitePlans } from "./plans";
import { rate } from "./report";
import { knownRequestIds, measureLookups, measureTrend } from "./reads";

export interface MeasureSettings {
  lookups: number;
  lookupWarmup: number;
  trendRuns: number;
  trendWarmup: number;
  ingest: number;
  ingestWarmup: number;
  batch: number;
  /** Submissions per transaction in the grouped ingest pass. */
  grouped: number;
}

export interface BackendFigures {
  name: FilledBackend["name"];
  lookup: Timing & { missing: number };
  trend: Timing & { events: number; buckets: number };
  ingest: IngestFigures & { measured: number; batch: number; grouped: number };
  load: { before: string; after: string };
  facts: string[];
  plans: string[];
}

/** The statements behind the measured reads, and one time-range read of raw events (where PostgreSQL's BRIN serves). */
async function plansOf(backend: FilledBackend, requestId: string): Promise<string[]> {
  const { meta } = backend;
  const largest = meta.orgs[0]!.id;
  const works: [label: string, work: () => Promise<unknown>, only?: RegExp][] = [
    [`findEventByRequestId("${requestId}")`, () => findEventByRequestId(requestId)],
    [`getTrend("${largest}", 30 d, "hour")`, () => getTrend(largest, { from: meta.now - RANGE_PRESETS["30d"], to: meta.now }, "hour")],
    // The spike check's 1 h window at the data's "now": its partial first hour is read from raw events by time.
    ["windowCounts(last hour), its raw-event read", () => windowCounts({ from: meta.now - HOUR_MS, to: meta.now }), /\bfrom "?events"?\s/i],
  ];
  const lines: string[] = [];
  for (const [label, work, only] of works) {
    if (backend.name === "PostgreSQL") lines.push(`  ${label}:`, ...(await postgresPlans(backend.url, work, only)));
    else lines.push(...(await sqlitePlans(label, work)));
  }
  return lines;
}

/**
 * Writes out what earlier work left pending, so neither backend measures the other's (or a previous
 * run's) writes: a reused PostgreSQL fill was last changed by the ingest's restore (hundreds of MB of
 * WAL), and a checkpoint falling due in the middle of the ingest would compete with its commits'
 * fsyncs. SQLite's WAL is folded back likewise.
 */
async function writePending(): Promise<void> {
  const app = await database();
  if (app.dialect === "postgres") await executeStatement(app, sql`checkpoint`);
  else (await sqliteConnection()).pragma("wal_checkpoint(TRUNCATE)");
}

/**
 * Measures one backend through the app's own data layer, pointed at it as the server would be
 * (`useDatabase`): times are in-process, inside the data-layer call, without HTTP.
 */
export async function measureBackend(backend: FilledBackend, settings: MeasureSettings, log: (line: string) => void): Promise<BackendFigures> {
  const { meta, name } = backend;
  await pointAppAt(backend.url);
  try {
    await writePending();
    const before = load();
    log(`${name}: measuring (1-min load ${before})`);
    const ids = await knownRequestIds(meta, settings.lookupWarmup + settings.lookups);
    const lookup = await measureLookups(ids, settings.lookups, settings.lookupWarmup);
    log(`  lookups: p50 ${lookup.timing.median.toFixed(3)} ms, p99 ${lookup.timing.p99.toFixed(3)} ms, max ${lookup.timing.max.toFixed(2)} ms (${lookup.timing.runs} ids after ${settings.lookupWarmup} warm-up)`);
    const trend = await measureTrend(meta, settings.trendRuns, settings.trendWarmup);
    log(`  30-day trend: median ${trend.timing.median.toFixed(2)} ms, p99 ${trend.timing.p99.toFixed(2)} ms (${trend.timing.runs} calls; ${trend.events.toLocaleString("en-US")} events in ${trend.buckets} buckets)`);
    const plans = await plansOf(backend, ids[0]!);
    const ingest = await measureIngest(meta, { measured: settings.ingest, warmup: settings.ingestWarmup, batch: settings.batch, grouped: settings.grouped });
    log(`  ingest: ${rate(ingest.eventsPerSecond)} events/s, ${rate(ingest.groupedPerSecond)} with ${settings.grouped} submissions a transaction (${ingest.stored.toLocaleString("en-US")} stored, then removed again)`);
    const after = load();
    return {
      name,
      lookup: { ...lookup.timing, missing: lookup.missing },
      trend: { ...trend.timing, events: trend.events, buckets: trend.buckets },
      ingest: { ...ingest, measured: settings.ingest, batch: settings.batch, grouped: settings.grouped },
      load: { before, after },
      facts: await backend.facts(),
      plans,
    };
  } finally {
    await closeDatabase();
  }
}
