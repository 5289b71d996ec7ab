import "server-only";

import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env, sqlitePath } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

interface Handle {
  db: Db;
  sqlite: Database.Database;
}

/** Migrations live beside the schema; `next start`, the CLI and tests all run from the project root. */
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Cached on globalThis so dev-server reloads and route bundles share one connection.
const globalForDb = globalThis as unknown as { errataDb?: Handle };

/** Opens a SQLite database, applies pending migrations and returns its drizzle handle. */
export function openDatabase(file: string): Handle {
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

/** The better-sqlite3 connection under a drizzle handle (drizzle keeps it as `$client`; `Db` leaves it out). */
export function sqliteOf(db: Db): Database.Database {
  return (db as Db & { $client: Database.Database }).$client;
}

/** The process's database, opened on first use (never at import: `next build` imports routes). */
export function getDb(): Db {
  globalForDb.errataDb ??= openDatabase(sqlitePath(env().DATABASE_URL));
  return globalForDb.errataDb.db;
}

/** Points the process at another database file; used by tests and the CLI. */
export function useDatabaseFile(file: string): Db {
  closeDatabase();
  globalForDb.errataDb = openDatabase(file);
  return globalForDb.errataDb.db;
}

export function closeDatabase(): void {
  globalForDb.errataDb?.sqlite.close();
  globalForDb.errataDb = undefined;
}
