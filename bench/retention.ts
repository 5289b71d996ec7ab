import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { closeDatabase, sqliteConnection, useDatabaseFile as pointAppAt } from "@/db/client";
import { dialectOf } from "@/db/dialect";
import { DAY_MS } from "@/lib/trends/buckets";
import { positiveWhole } from "./lib/args";
import { fill, readReusableMeta, removeDatabase } from "./lib/fill";
import { load, machine, markdownTable } from "./lib/report";
import { EVENT_DAYS, INGEST, measureBatchSize, REPORT_HEADER, type RunOptions } from "./lib/retention/measure-batch-size";
import { runPostgresRetention } from "./lib/retention/postgres";
import { runMain } from "./lib/run";

// `npm run bench:retention [-- --events 667000] [--batches 100,250,500,1000] [--reuse]`: see bench/README.md, "Retention".
// With DATABASE_URL=postgres://… it runs on PostgreSQL instead, in a schema of its own.

const USAGE = "npm run bench:retention -- [--events 667000] [--days 360] [--batches 100,250,500,1000] [--pause 10] [--baseline-seconds 20] [--reuse]";

const positive = (name: string, value: string | undefined, fallback: number) => positiveWhole(name, value, fallback, USAGE);

async function runSqlite(options: RunOptions, reuse: boolean, log: (line: string) => void): Promise<void> {
  const fillOptions = { events: options.events, seed: 1, days: options.days, orgs: 200, now: Date.now() };
  const template = path.join("bench", ".data", `retention-${options.events}.db`);
  const reused = reuse ? readReusableMeta(template, fillOptions) : undefined;
  if (reuse && !reused) log("--reuse: no complete fill with these options and the current migrations; filling afresh.");
  const meta = reused ?? fill(template, fillOptions, log);
  const work = path.join("bench", ".data", "retention-work.db");

  log("");
  log(`machine: ${machine()}; load ${load()}`);
  log(`data: ${meta.events.toLocaleString("en-US")} events over ${meta.days} days ending ${new Date(meta.now).toISOString()}, ${meta.orgCount} organizations; retention ${EVENT_DAYS} days`);
  log(`ingest beside the pass: ${INGEST.events} events committed every ${INGEST.everyMs} ms; pause between batches ${options.pauseMs} ms`);
  const rows: string[][] = [];
  for (const batchSize of options.batches) {
    // Each batch size prunes the same backlog: a fresh copy of the filled database.
    removeDatabase(work);
    fs.copyFileSync(template, work);
    await pointAppAt(work);
    const sqlite = await sqliteConnection();
    const due = sqlite.prepare("SELECT count(*) FROM events WHERE occurred_at < ?").pluck().get(Date.now() - EVENT_DAYS * DAY_MS) as number;
    log(`batch ${batchSize}: ${due.toLocaleString("en-US")} events due…`);
    rows.push(await measureBatchSize(batchSize, options, `b${batchSize}`));
    await closeDatabase();
  }
  removeDatabase(work);
  log(`load after: ${load()}`);
  log("");
  for (const line of markdownTable(REPORT_HEADER, rows)) log(line);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      events: { type: "string" },
      days: { type: "string" },
      batches: { type: "string" },
      pause: { type: "string" },
      "baseline-seconds": { type: "string" },
      reuse: { type: "boolean", default: false },
    },
  });
  // By default 667,000 events over 360 days: about 500,000 of them older than the 90-day retention.
  const options: RunOptions = {
    events: positive("events", values.events, 667_000),
    days: positive("days", values.days, 360),
    batches: (values.batches ?? "100,250,500,1000").split(",").map((size) => positive("batches", size, 250)),
    pauseMs: positive("pause", values.pause, 10),
    baselineSeconds: positive("baseline-seconds", values["baseline-seconds"], 20),
  };
  const log = (line: string) => console.log(line);
  const url = process.env.DATABASE_URL;
  if (url && dialectOf(url) === "postgres") await runPostgresRetention(url, options, log);
  else await runSqlite(options, values.reuse, log);
  return 0;
}

runMain(main);
