import "server-only";

import type { SQL } from "drizzle-orm";
import type { AppDatabase } from "./client";
import type { PgDb } from "./postgres/open";

/*
 * Hand-written SQL on either backend. Aliases are written double-quoted ("orgId"): SQLite and
 * PostgreSQL both keep a quoted alias's case, so rows have the same keys on both.
 */

/** Every row of a raw query. */
export async function selectRows<T>({ dialect, db }: AppDatabase, query: SQL): Promise<T[]> {
  if (dialect === "sqlite") return db.all<T>(query);
  const result = await (db as unknown as PgDb).execute(query);
  return result.rows as T[];
}

/** Runs a raw statement and returns how many rows it changed. */
export async function executeStatement({ dialect, db }: AppDatabase, query: SQL): Promise<number> {
  if (dialect === "sqlite") return db.run(query).changes;
  const result = await (db as unknown as PgDb).execute(query);
  return result.rowCount ?? 0;
}

/** The first row of a builder's result (what SQLite's `.get()` returns, on both backends). */
export function firstRow<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

/** The SQL for the running backend, where the two differ (JSON functions, planner hints). */
export function forDialect({ dialect }: AppDatabase, variants: { sqlite: SQL; postgres: SQL }): SQL {
  return variants[dialect];
}
