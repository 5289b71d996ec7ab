import "server-only";

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import { dialectOf, sqlitePath, type Dialect } from "./dialect";
import { openPostgres, type PgDb } from "./postgres/open";
import * as schema from "./schema";
import * as pgSchema from "./schema-pg";

export type { Dialect } from "./dialect";

/**
 * The type every query is written against: drizzle's SQLite database over the SQLite tables.
 *
 * On PostgreSQL, `db` is drizzle's node-postgres database and `t` the pg-core tables (db/schema-pg/,
 * the same names, columns and JS types), under these same types. Drizzle's select/insert/update/
 * delete builders have the same shape on both, so one query serves both backends as long as it is
 * awaited (never `.all()`, `.get()`, `.run()`, which only SQLite has) and takes its tables from `t`.
 * Where the SQL itself differs (JSON functions, planner hints), a query branches on `dialect`; the
 * integration tests run on both backends to keep the pretence honest.
 */
export type Db = BetterSQLite3Database<typeof schema>;
export type Tables = typeof schema;

export interface AppDatabase {
  dialect: Dialect;
  db: Db;
  t: Tables;
}

type Handle = AppDatabase & ({ dialect: "sqlite"; sqlite: Database.Database } | { dialect: "postgres"; pg: PgDb; close: () => Promise<void> });

/** Migrations live beside the schema; `next start`, the CLI and tests all run from the project root. */
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Cached on globalThis so dev-server reloads and route bundles share one connection (or pool).
const globalForDb = globalThis as unknown as { errataDb?: Promise<Handle> };

/** Opens a SQLite database, applies pending migrations and returns its drizzle handle. */
export function openSqlite(file: string): { db: Db; sqlite: Database.Database } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, sqlite };
}

async function openHandle(databaseUrl: string): Promise<Handle> {
  const dialect = dialectOf(databaseUrl);
  if (dialect === "postgres") {
    const { db: pg, pool } = await openPostgres(databaseUrl, env().ERRATA_PG_POOL_SIZE);
    // The pretence described at `Db`: same builder shapes, the pg-core tables under the SQLite types.
    return { dialect, pg, db: pg as unknown as Db, t: pgSchema as unknown as Tables, close: () => pool.end() };
  }
  if (dialect !== "sqlite") throw new Error(`DATABASE_URL names no supported database: ${databaseUrl}`);
  const { db, sqlite } = openSqlite(sqlitePath(databaseUrl));
  return { dialect, db, sqlite, t: schema };
}

function currentHandle(): Promise<Handle> {
  if (!globalForDb.errataDb) {
    const opening = openHandle(env().DATABASE_URL);
    globalForDb.errataDb = opening;
    // A failed open (PostgreSQL not up yet) is not cached: the next request tries again.
    opening.catch(() => {
      if (globalForDb.errataDb === opening) globalForDb.errataDb = undefined;
    });
  }
  return globalForDb.errataDb;
}

/** The process's database, opened (and migrated) on first use, never at import: `next build` imports routes. */
export async function database(): Promise<AppDatabase> {
  return currentHandle();
}

/** The better-sqlite3 connection of the process's database; only for SQLite-only paths (prepared ingest statements, plans). */
export async function sqliteConnection(): Promise<Database.Database> {
  const handle = await currentHandle();
  if (handle.dialect !== "sqlite") throw new Error("sqliteConnection: the database is PostgreSQL");
  return handle.sqlite;
}

/** The node-postgres drizzle database, typed as itself; only for PostgreSQL-only paths. */
export async function postgresDatabase(): Promise<PgDb> {
  const handle = await currentHandle();
  if (handle.dialect !== "postgres") throw new Error("postgresDatabase: the database is SQLite");
  return handle.pg;
}

/** The better-sqlite3 connection under a drizzle handle (drizzle keeps it as `$client`; `Db` leaves it out). */
export function sqliteOf(db: Db): Database.Database {
  return (db as Db & { $client: Database.Database }).$client;
}

/** Points the process at another database (`file:` or `postgres://` URL); used by tests, the CLI and benches. */
export async function useDatabase(databaseUrl: string): Promise<AppDatabase> {
  await closeDatabase();
  const opening = openHandle(databaseUrl);
  globalForDb.errataDb = opening;
  return opening;
}

/** Points the process at a SQLite file (see `useDatabase`). */
export async function useDatabaseFile(file: string): Promise<AppDatabase> {
  return useDatabase(`file:${file}`);
}

export async function closeDatabase(): Promise<void> {
  const opening = globalForDb.errataDb;
  globalForDb.errataDb = undefined;
  const handle = await opening?.catch(() => undefined);
  if (handle?.dialect === "sqlite") handle.sqlite.close();
  else if (handle?.dialect === "postgres") await handle.close();
}
