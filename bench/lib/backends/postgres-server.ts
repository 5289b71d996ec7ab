import path from "node:path";
import pg from "pg";
import { dialectOf } from "@/db/dialect";
import { migrationsFingerprint, sameData, storedEvents, type FillMeta } from "../fill";
import type { GenerateOptions } from "../generate";

/*
 * The PostgreSQL side's schemas: each fill gets its own `bench_backends_<stamp>` schema in the
 * caller's database, reached through the URL's `options=-c search_path=…` (a startup parameter
 * node-postgres sends), so the app migrates and queries it as it would `public`. The fill's record
 * is the schema's comment, written last: a schema without one never finished filling.
 */

export const SCHEMA_PREFIX = "bench_backends_";
export const PG_MIGRATIONS = path.join(process.cwd(), "db", "migrations-pg");
const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";

/** DATABASE_URL if it names a PostgreSQL, else this machine's: a `file:` one (someone's working SQLite database) is ignored. */
export function postgresUrl(): string {
  const url = process.env.DATABASE_URL;
  return url && dialectOf(url) === "postgres" ? url : DEFAULT_POSTGRES_URL;
}

export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement, run twice: the second (warm) plan's lines. */
export async function warmPlan(client: pg.Client, text: string, values: unknown[]): Promise<string[]> {
  const explain = `explain (analyze, buffers, costs off) ${text}`;
  await client.query(explain, values);
  const { rows } = await client.query<{ "QUERY PLAN": string }>(explain, values);
  return rows.map((row) => row["QUERY PLAN"]);
}

/** `%20` rather than URLSearchParams' `+`: pg-connection-string decodes with decodeURIComponent. */
export function scopedUrl(callerUrl: string, schema: string): string {
  if (new URL(callerUrl).searchParams.has("options")) {
    throw new Error("DATABASE_URL already carries `options`; the bench sets `options=-c search_path=…` itself. Remove it and run again.");
  }
  return `${callerUrl}${callerUrl.includes("?") ? "&" : "?"}options=-c%20search_path%3D${schema}`;
}

/** `prefix` and the time to the second, e.g. `bench_backends_20260126093000`: the newest sorts last. */
export function newSchemaName(prefix = SCHEMA_PREFIX): string {
  return `${prefix}${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
}

interface FoundSchemas {
  reusable?: { schema: string; meta: FillMeta };
  /** Other schemas of this bench: unfinished fills, other options, older migrations. */
  others: string[];
}

/**
 * A kept schema whose fill matches these options and the current PostgreSQL migrations and still
 * holds every event it was filled with (a run that stopped mid-ingest leaves more).
 */
export async function findSchemas(callerUrl: string, options: Omit<GenerateOptions, "now">): Promise<FoundSchemas> {
  return onServer(callerUrl, async (client) => {
    const { rows } = await client.query<{ schema: string; comment: string | null }>(
      `select nspname as schema, obj_description(oid, 'pg_namespace') as comment from pg_namespace where starts_with(nspname, $1) order by nspname desc`,
      [SCHEMA_PREFIX],
    );
    const migrations = migrationsFingerprint(PG_MIGRATIONS);
    const found: FoundSchemas = { others: [] };
    for (const { schema, comment } of rows) {
      const meta = comment === null ? undefined : (JSON.parse(comment) as FillMeta);
      const matches = !found.reusable && meta !== undefined && sameData(meta, options) && meta.migrations === migrations;
      if (matches && (await countEvents(client, schema)) === storedEvents(meta)) found.reusable = { schema, meta };
      else found.others.push(schema);
    }
    return found;
  });
}

async function countEvents(client: pg.Client, schema: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${client.escapeIdentifier(schema)}.events`);
  return Number(rows[0]?.n ?? 0);
}

export async function createSchema(callerUrl: string, schema: string): Promise<void> {
  await onServer(callerUrl, (client) => client.query(`create schema ${client.escapeIdentifier(schema)}`));
}

export async function dropSchema(callerUrl: string, schema: string): Promise<void> {
  await onServer(callerUrl, (client) => client.query(`drop schema if exists ${client.escapeIdentifier(schema)} cascade`));
}

/** Records a completed fill on its schema (what `findSchemas` reads back). */
export async function markFilled(callerUrl: string, schema: string, meta: FillMeta): Promise<void> {
  await onServer(callerUrl, (client) => client.query(`comment on schema ${client.escapeIdentifier(schema)} is ${client.escapeLiteral(JSON.stringify(meta))}`));
}

/** Settings that decide these figures: memory for pages, commit durability, the planner's cost model, background vacuum. */
const SETTINGS = ["shared_buffers", "effective_cache_size", "work_mem", "synchronous_commit", "fsync", "random_page_cost", "jit", "max_wal_size", "autovacuum"];

export async function postgresFacts(url: string, schema: string): Promise<string[]> {
  return onServer(url, async (client) => {
    const one = async (sql: string) => String(Object.values((await client.query(sql)).rows[0] ?? {})[0] ?? "");
    const settings = await client.query<{ name: string; value: string }>(
      "select name, current_setting(name) as value from pg_settings where name = any($1) order by name",
      [SETTINGS],
    );
    const count = async (table: string) => Number(await one(`select count(*) from ${table}`)).toLocaleString("en-US");
    const indexes = await client.query<{ name: string; size: string }>(
      `select indexrelid::regclass::text as name, pg_size_pretty(pg_relation_size(indexrelid)) as size
       from pg_index where indrelid = 'events'::regclass order by pg_relation_size(indexrelid) desc`,
    );
    const shown = new URL(url);
    shown.password = shown.password ? "***" : "";
    return [
      `database: PostgreSQL ${await one("show server_version")} at ${shown.host}${shown.pathname}, schema ${schema}, ${await one("select pg_size_pretty(pg_database_size(current_database()))")} in the whole database`,
      `settings: ${settings.rows.map((row) => `${row.name}=${row.value}`).join(", ")}`,
      `rows: events ${await count("events")}, hourly_rollups ${await count("hourly_rollups")}, organizations ${await count("organizations")}`,
      `events: table ${await one("select pg_size_pretty(pg_table_size('events'))")}; indexes ${indexes.rows.map((row) => `${row.name} ${row.size}`).join(", ")}`,
    ];
  });
}
