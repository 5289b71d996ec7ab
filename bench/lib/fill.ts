import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { openSqlite } from "@/db/client";
import { generate, type Anomalies, type EventRow, type Generated, type GenerateOptions } from "./generate";

/** Written beside the database once a fill completes; `--reuse` trusts the file only if this matches. */
export interface FillMeta {
  events: number;
  seed: number;
  days: number;
  orgCount: number;
  now: number;
  migrations: string;
  filledAt: string;
  fillSeconds: number;
  insertRowsPerSecond: number;
  orgs: { id: string; name: string; events: number }[];
  anomalies: Anomalies;
}

const TRANSACTION_ROWS = 50_000;
const PROGRESS_EVERY = 500_000;
const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Fingerprint of the migration SQL: a regenerated schema invalidates a reused fill. */
export function migrationsFingerprint(folder = MIGRATIONS): string {
  const hash = createHash("sha256");
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".sql")).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(folder, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

export function metaFile(dbFile: string): string {
  return `${dbFile}.json`;
}

export function readReusableMeta(dbFile: string, options: Omit<GenerateOptions, "now">): FillMeta | undefined {
  if (!fs.existsSync(dbFile) || !fs.existsSync(metaFile(dbFile))) return undefined;
  const meta = JSON.parse(fs.readFileSync(metaFile(dbFile), "utf8")) as FillMeta;
  return sameData(meta, options) && meta.migrations === migrationsFingerprint() ? meta : undefined;
}

/** Whether a fill was made with these generator options (its `now` aside). */
export function sameData(meta: FillMeta, options: Omit<GenerateOptions, "now">): boolean {
  return meta.events === options.events && meta.seed === options.seed && meta.days === options.days && meta.orgCount === options.orgs;
}

/** Events a fill stored: the baseline plus the injected anomalies. */
export function storedEvents(meta: FillMeta): number {
  return meta.events + meta.anomalies.spike.events + meta.anomalies.newCode.events;
}

/** The database file, its journals and its fill record. */
export function removeDatabase(dbFile: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal", ".json"]) fs.rmSync(`${dbFile}${suffix}`, { force: true });
}

/** A table column as SQLite's `table_info` describes it (other backends map theirs to this shape). */
export interface Column {
  name: string;
  notnull: number | boolean;
  dflt_value: unknown;
}

/** How each derived table's columns follow from `events`: the same rows `storeEvents` would have written. */
export const DERIVED_TABLES = {
  hourly_rollups: { org_id: "org_id", code: "code", http_status: "http_status", hour: "(occurred_at / 3600000) * 3600000", count: "count(*)" },
  organizations: { id: "org_id", first_seen_at: "min(received_at)" },
} as const satisfies Record<string, Record<string, string>>;

function deriveSql(sqlite: Database.Database, table: keyof typeof DERIVED_TABLES): string {
  return deriveFromColumns(table, sqlite.pragma(`table_info(${table})`) as Column[]);
}

/**
 * INSERT … SELECT for a derived table, built from the table's actual columns so a schema change
 * (e.g. http_status joining the rollup key) is followed, and an unmapped required column fails
 * loudly. Columns whose expression is an aggregate are computed; the others form the GROUP BY.
 * The SQL is plain enough for SQLite and PostgreSQL alike; `where` narrows the events read.
 */
export function deriveFromColumns(table: keyof typeof DERIVED_TABLES, columns: readonly Column[], where?: string): string {
  const expressions: Record<string, string> = DERIVED_TABLES[table];
  const missing = columns.filter((column) => expressions[column.name] === undefined && column.notnull && column.dflt_value === null);
  if (missing.length > 0) {
    throw new Error(`bench/lib/fill.ts cannot derive ${table}.${missing.map((c) => c.name).join(", ")}: extend its column mapping`);
  }
  const used = columns.flatMap((column) => {
    const expression = expressions[column.name];
    return expression === undefined ? [] : [{ name: column.name, expression }];
  });
  const keys = used.filter((column) => !/^(count|min|max|sum)\(/.test(column.expression)).map((column) => column.expression);
  const filter = where === undefined ? "" : ` WHERE ${where}`;
  return `INSERT INTO ${table} (${used.map((c) => c.name).join(", ")}) SELECT ${used.map((c) => c.expression).join(", ")} FROM events${filter} GROUP BY ${keys.join(", ")}`;
}

function insertEvents(sqlite: Database.Database, rows: Generator<EventRow>, log: (line: string) => void): { count: number; seconds: number } {
  const insert = sqlite.prepare(
    `INSERT INTO events (request_id, org_id, code, http_status, message, details, occurred_at, received_at, service, method, path, environment, catalog_flag)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const writeBatch = sqlite.transaction((batch: EventRow[]) => {
    for (const r of batch) {
      insert.run(r.requestId, r.orgId, r.code, r.httpStatus, r.message, r.details, r.occurredAt, r.receivedAt, r.service, r.method, r.path, r.environment, r.catalogFlag);
    }
  });
  const started = performance.now();
  let count = 0;
  let batch: EventRow[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length < TRANSACTION_ROWS) continue;
    writeBatch(batch);
    count += batch.length;
    batch = [];
    if (count % PROGRESS_EVERY === 0) {
      const seconds = (performance.now() - started) / 1000;
      log(`  ${count.toLocaleString("en-US")} events, ${seconds.toFixed(0)} s, ${Math.round(count / seconds).toLocaleString("en-US")} rows/s`);
    }
  }
  writeBatch(batch);
  count += batch.length;
  return { count, seconds: (performance.now() - started) / 1000 };
}

/** A fresh database holding the generated events and exactly the derived rows ingest would have written. */
export function fill(dbFile: string, options: GenerateOptions, log: (line: string) => void): FillMeta {
  removeDatabase(dbFile);
  const started = performance.now();
  const { sqlite } = openSqlite(dbFile);
  // Throwaway data: no journal, no fsync, a large page cache for the random request_id index inserts.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1048576");
  sqlite.pragma("temp_store = MEMORY");

  const generated = generate(options);
  log(`Filling ${dbFile}: ${options.events.toLocaleString("en-US")} events, ${options.orgs} organizations, ${options.days} days ending ${new Date(options.now).toISOString()}`);
  const inserted = insertEvents(sqlite, generated.rows(), log);
  const rate = Math.round(inserted.count / inserted.seconds);
  log(`  inserted ${inserted.count.toLocaleString("en-US")} events in ${inserted.seconds.toFixed(1)} s (${rate.toLocaleString("en-US")} rows/s, indexes maintained)`);

  const deriveStarted = performance.now();
  sqlite.exec(deriveSql(sqlite, "hourly_rollups"));
  sqlite.exec(deriveSql(sqlite, "organizations"));
  const rename = sqlite.prepare("UPDATE organizations SET name = ? WHERE id = ?");
  sqlite.transaction(() => generated.orgs.forEach((org) => rename.run(org.name, org.id)))();
  log(`  derived hourly_rollups and organizations in ${((performance.now() - deriveStarted) / 1000).toFixed(1)} s`);
  warnAboutEmptyTables(sqlite, log);

  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  const meta = describeFill(options, generated, { started, insertRowsPerSecond: rate, migrations: migrationsFingerprint() });
  fs.writeFileSync(metaFile(dbFile), `${JSON.stringify(meta, null, 2)}\n`);
  log(`  done in ${meta.fillSeconds.toFixed(0)} s`);
  return meta;
}

/** The record of a completed fill, for any backend. */
export function describeFill(
  options: GenerateOptions,
  generated: Generated,
  fill: { started: number; insertRowsPerSecond: number; migrations: string },
): FillMeta {
  return {
    events: options.events,
    seed: options.seed,
    days: options.days,
    orgCount: options.orgs,
    now: options.now,
    migrations: fill.migrations,
    filledAt: new Date().toISOString(),
    fillSeconds: (performance.now() - fill.started) / 1000,
    insertRowsPerSecond: fill.insertRowsPerSecond,
    orgs: generated.orgs.map((org) => ({ id: org.id, name: org.name, events: org.events })),
    anomalies: generated.anomalies,
  };
}

/** Tables written by the retention job, not by ingest: a fresh fill rightly leaves them empty. */
const WRITTEN_BY_RETENTION = new Set(["pruned_events"]);

/**
 * A table keyed by organization that ingest fills and this fill does not would make the measured
 * answers wrong, not just slow; tables without org_id (keys, the rejected-ingest trail) are not derived from events.
 */
function warnAboutEmptyTables(sqlite: Database.Database, log: (line: string) => void): void {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = sqlite.pragma(`table_info(${table})`) as Column[];
    if (!columns.some((column) => column.name === "org_id" || (table === "organizations" && column.name === "id"))) continue;
    if (WRITTEN_BY_RETENTION.has(table)) continue;
    const any = sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get();
    if (!any) log(`  WARNING: table ${table} is empty after the fill; if ingest writes it, bench/lib/fill.ts must derive it too`);
  }
}
