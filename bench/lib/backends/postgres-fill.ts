import type pg from "pg";
import * as pgTables from "@/db/schema-pg";
// Aliased: the hooks lint rule reads any use* call as a React hook.
import { closeDatabase, useDatabase as pointAppAt } from "@/db/client";
import { deriveFromColumns, describeFill, migrationsFingerprint, type FillMeta } from "../fill";
import { generate, type EventRow, type GenerateOptions } from "../generate";
import { tableColumns } from "./backend";
import { onServer, PG_MIGRATIONS } from "./postgres-server";

/*
 * The PostgreSQL twin of bench/lib/fill.ts: the same generated rows, in the same (time) order, into
 * the tables and indexes the app's migrations create, all indexes maintained while inserting, as
 * ingest maintains them. Rows travel as one array per column through unnest(), as the app's own
 * ingest sends them (db/queries/store-events-postgres.ts), in large statements.
 */

const STATEMENT_ROWS = 20_000;
const TRANSACTION_ROWS = 200_000;
const PROGRESS_EVERY = 500_000;

type EventColumn = readonly [name: string, type: string, value: (row: EventRow) => unknown];

/** The columns bench/lib/fill.ts inserts on SQLite. A JSON `null` body is stored as SQL NULL, as ingest stores it. */
const EVENT_COLUMNS: readonly EventColumn[] = [
  ["request_id", "text", (r) => r.requestId],
  ["org_id", "text", (r) => r.orgId],
  ["code", "text", (r) => r.code],
  ["http_status", "integer", (r) => r.httpStatus],
  ["message", "text", (r) => r.message],
  ["details", "jsonb", (r) => (r.details === "null" ? null : r.details)],
  ["occurred_at", "bigint", (r) => r.occurredAt],
  ["received_at", "bigint", (r) => r.receivedAt],
  ["service", "text", (r) => r.service],
  ["method", "text", (r) => r.method],
  ["path", "text", (r) => r.path],
  ["environment", "text", (r) => r.environment],
  ["catalog_flag", "text", (r) => r.catalogFlag],
];

const INSERT_EVENTS = `insert into events (${EVENT_COLUMNS.map(([name]) => name).join(", ")})
  select * from unnest(${EVENT_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(", ")})`;

/**
 * Inserts while the next statement's rows are generated: one statement in flight at a time, so
 * this process (generating) and the server (inserting) each keep a core busy.
 */
async function insertEvents(client: pg.Client, rows: Generator<EventRow>, log: (line: string) => void): Promise<{ count: number; seconds: number }> {
  const started = performance.now();
  let inFlight: Promise<unknown> = Promise.resolve();
  // Awaited before the next statement; the catch keeps a failure from counting as unhandled meanwhile.
  const issue = (text: string, values?: unknown[]) => {
    inFlight = client.query(text, values);
    inFlight.catch(() => {});
  };
  issue("begin");
  let count = 0;
  let batch: EventRow[] = [];
  const send = async () => {
    const values = EVENT_COLUMNS.map(([, , value]) => batch.map(value));
    await inFlight;
    const before = count;
    count += batch.length;
    batch = [];
    issue(INSERT_EVENTS, values);
    if (Math.floor(count / TRANSACTION_ROWS) > Math.floor(before / TRANSACTION_ROWS)) {
      await inFlight;
      await client.query("commit");
      issue("begin");
    }
    if (Math.floor(count / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
      const seconds = (performance.now() - started) / 1000;
      log(`  ${count.toLocaleString("en-US")} events, ${seconds.toFixed(0)} s, ${Math.round(count / seconds).toLocaleString("en-US")} rows/s`);
    }
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= STATEMENT_ROWS) await send();
  }
  if (batch.length > 0) await send();
  await inFlight;
  await client.query("commit");
  return { count, seconds: (performance.now() - started) / 1000 };
}

/**
 * How much of each table the visibility map marks all-visible: index-only scans (the trend's) read
 * the heap for the rest, and the planner, seeing little, picks another plan (a fill whose
 * hourly_rollups were 0 % all-visible measured the trend at 41-43 ms on a bitmap heap scan, 18 ms
 * on the same data once vacuumed again).
 */
async function allVisible(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string; share: number }>(
    "select relname as name, round(100.0 * relallvisible / greatest(relpages, 1)) as share from pg_class where relname in ('events', 'hourly_rollups') and relnamespace = current_schema()::regnamespace order by relname",
  );
  return `all-visible: ${rows.map(({ name, share }) => `${name} ${share} %`).join(", ")}`;
}

/** Fills the (empty) schema `url` points at; migrations first, through the app's own opening. */
export async function fillPostgres(url: string, options: GenerateOptions, log: (line: string) => void): Promise<FillMeta> {
  const started = performance.now();
  await pointAppAt(url);
  await closeDatabase();
  const generated = generate(options);
  log(`Filling PostgreSQL: ${options.events.toLocaleString("en-US")} events, ${options.orgs} organizations, ${options.days} days ending ${new Date(options.now).toISOString()}`);
  const rate = await onServer(url, async (client) => {
    // Throwaway data: a commit need not wait for its WAL to reach the disk.
    await client.query("set synchronous_commit = off");
    const inserted = await insertEvents(client, generated.rows(), log);
    const rate = Math.round(inserted.count / inserted.seconds);
    log(`  inserted ${inserted.count.toLocaleString("en-US")} events in ${inserted.seconds.toFixed(1)} s (${rate.toLocaleString("en-US")} rows/s, indexes maintained)`);

    const deriveStarted = performance.now();
    await client.query(deriveFromColumns("hourly_rollups", tableColumns(pgTables.hourlyRollups)));
    await client.query(deriveFromColumns("organizations", tableColumns(pgTables.organizations)));
    await client.query("update organizations set name = named.name from unnest($1::text[], $2::text[]) as named (id, name) where organizations.id = named.id", [
      generated.orgs.map((org) => org.id),
      generated.orgs.map((org) => org.name),
    ]);
    log(`  derived hourly_rollups and organizations in ${((performance.now() - deriveStarted) / 1000).toFixed(1)} s`);

    return rate;
  });
  // What autovacuum does to a server's tables soon after such a load: statistics for the planner,
  // the visibility map that lets index-only scans skip the heap, and the BRIN summaries. Done here so
  // it does not start by itself in the middle of the measurements; the checkpoint likewise. From a
  // session of its own: run in the filling one, it left hourly_rollups 0 % all-visible in the three
  // fills after 11:57 that printed it (events 94-100 %), and the trend's index-only scan became a
  // bitmap heap scan.
  await onServer(url, async (client) => {
    const vacuumStarted = performance.now();
    await client.query("vacuum (analyze) events, hourly_rollups, organizations");
    await client.query("checkpoint");
    log(`  vacuum (analyze) and checkpoint in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s; ${await allVisible(client)}`);
  });
  const meta = describeFill(options, generated, { started, insertRowsPerSecond: rate, migrations: migrationsFingerprint(PG_MIGRATIONS) });
  log(`  done in ${meta.fillSeconds.toFixed(0)} s`);
  return meta;
}
