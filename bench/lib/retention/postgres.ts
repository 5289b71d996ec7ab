import { sql } from "drizzle-orm";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { closeDatabase, database, useDatabase as pointAppAt } from "@/db/client";
import { executeStatement, selectRows } from "@/db/raw";
import * as pgTables from "@/db/schema-pg";
import { DAY_MS } from "@/lib/trends/buckets";
import { tableColumns } from "../backends/backend";
import { createSchema, dropSchema, scopedUrl } from "../backends/postgres-server";
import { deriveFromColumns } from "../fill";
import { load, machine, markdownTable } from "../report";
import { EVENT_DAYS, INGEST, measureBatchSize, REPORT_HEADER, type RunOptions } from "./measure-batch-size";

/*
 * The retention bench on PostgreSQL, in a schema of its own (dropped at the end), filled in SQL:
 * events in time order, as they arrive, so the BRIN on occurred_at is as good as it ever gets.
 */

/** `count` events spread evenly over [from, to), 200 organizations of skewed sizes, four codes. */
async function insertEvents(count: number, from: number, to: number, tag: string): Promise<void> {
  const app = await database();
  await executeStatement(
    app,
    sql`
    insert into events (request_id, org_id, code, http_status, message, details, occurred_at, received_at, service, method, path, environment)
    select 'req_' || ${tag} || md5(g::text),
      'org_' || lpad(floor(200 * power(random(), 3))::int::text, 3, '0'),
      (array['common.quota_exceeded','common.validation_failed','auth.key_invalid','registration.audio_too_large'])[1 + g % 4],
      (array[429, 422, 401, 413])[1 + g % 4],
      'The request could not be completed as sent ' || g,
      jsonb_build_object('limit', 100, 'used', g % 100),
      ${from}::bigint + (g::bigint * ${to - from}::bigint / ${count}::bigint),
      ${from}::bigint + (g::bigint * ${to - from}::bigint / ${count}::bigint) + 1000,
      'registrations-api', 'POST', '/v1/registrations', 'live'
    from generate_series(1, ${count}::int) g`,
  );
}

async function fillSchema(options: RunOptions, now: number): Promise<void> {
  const app = await database();
  await executeStatement(app, sql`truncate events, hourly_rollups, organizations, pruned_events restart identity`);
  await insertEvents(options.events, now - options.days * DAY_MS, now, "a");
  await executeStatement(app, sql.raw(deriveFromColumns("organizations", tableColumns(pgTables.organizations))));
  await executeStatement(app, sql.raw(deriveFromColumns("hourly_rollups", tableColumns(pgTables.hourlyRollups))));
  await executeStatement(app, sql`vacuum analyze events`);
}

/** EXPLAIN ANALYZE of a query (plain EXPLAIN for a write, which ANALYZE would run): its plan and time. */
async function explain(label: string, query: ReturnType<typeof sql>, log: (line: string) => void, analyze = true): Promise<void> {
  const app = await database();
  const options = analyze ? sql`analyze, buffers, costs off` : sql`costs off`;
  const plan = await selectRows<{ "QUERY PLAN": string }>(app, sql`explain (${options}) ${query}`);
  log(`${label}:`);
  for (const row of plan) log(`    ${row["QUERY PLAN"]}`);
}

function selections(cutoff: number, limit: number) {
  return {
    "per organization (the job's), events_org_occurred_idx": sql`
      select e.id from organizations o cross join lateral (
        select id from events where org_id = o.id and occurred_at < ${cutoff} order by occurred_at limit ${limit}
      ) e order by o.id limit ${limit}`,
    "oldest N by the BRIN": sql`select id from events where occurred_at < ${cutoff} order by occurred_at limit ${limit}`,
    "any N by the BRIN": sql`select id from events where occurred_at < ${cutoff} limit ${limit}`,
  };
}

export async function runPostgresRetention(callerUrl: string, options: RunOptions, log: (line: string) => void): Promise<void> {
  const schema = `bench_retention_${process.pid}`;
  await createSchema(callerUrl, schema);
  const scoped = scopedUrl(callerUrl, schema);
  try {
    log(`machine: ${machine()}; load ${load()}`);
    log(`PostgreSQL, schema ${schema}: ${options.events.toLocaleString("en-US")} events over ${options.days} days, in time order; retention ${EVENT_DAYS} days`);
    log(`ingest beside the pass: ${INGEST.events} events committed every ${INGEST.everyMs} ms; pause between batches ${options.pauseMs} ms`);
    const rows: string[][] = [];
    for (const [index, batchSize] of options.batches.entries()) {
      await pointAppAt(scoped);
      const now = Date.now();
      await fillSchema(options, now);
      const cutoff = now - EVENT_DAYS * DAY_MS;
      if (index === 0) {
        log("");
        log(`Plans with the backlog in place (batch of ${batchSize}):`);
        for (const [label, query] of Object.entries(selections(cutoff, batchSize))) await explain(label, query, log);
        // No rollup is 400 days old here: a 60-day cutoff shows the plan the same statement gets.
        const hourCutoff = now - 60 * DAY_MS;
        const oldestRollups = sql`
          delete from hourly_rollups where (org_id, code, hour, http_status) in (
            select org_id, code, hour, http_status from hourly_rollups where hour < ${hourCutoff} order by hour limit ${batchSize})`;
        await explain("rollups: one batch of the oldest hours (EXPLAIN only: it deletes)", oldestRollups, log, false);
      }
      log(`batch ${batchSize}: pruning…`);
      rows.push(await measureBatchSize(batchSize, options, `b${batchSize}`));
      if (index === options.batches.length - 1) await explainAfterRefill(options, cutoff, batchSize, log);
      await closeDatabase();
    }
    log(`load after: ${load()}`);
    log("");
    for (const line of markdownTable(REPORT_HEADER, rows)) log(line);
  } finally {
    await closeDatabase();
    await dropSchema(callerUrl, schema);
  }
}

/**
 * Steady state after a prune: vacuum frees the pruned pages and new events fill them, so BRIN ranges
 * that held old rows now hold new ones too, and keep their old minimum (BRIN summaries only widen).
 * Nothing is due now; the plans show what finding that out costs.
 */
async function explainAfterRefill(options: RunOptions, cutoff: number, limit: number, log: (line: string) => void): Promise<void> {
  const app = await database();
  await executeStatement(app, sql`vacuum analyze events`);
  const now = Date.now();
  await insertEvents(Math.round(options.events / 2), now - DAY_MS, now, "b");
  await executeStatement(app, sql`vacuum analyze events`);
  log("");
  log("Plans once new events have refilled the pruned pages (nothing due):");
  for (const [label, query] of Object.entries(selections(cutoff, limit))) await explain(label, query, log);
}
