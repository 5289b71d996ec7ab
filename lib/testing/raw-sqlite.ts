import type Database from "better-sqlite3";
import { sqliteOf, type Db } from "@/db/client";

/**
 * The better-sqlite3 connection under a drizzle handle, for tests that need `EXPLAIN QUERY PLAN`,
 * pragmas or raw counts on the very same connection.
 */
export function rawSqlite(db: Db): Database.Database {
  return sqliteOf(db);
}

/** One statement prepared on a connection, with the parameters it last ran with. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `work` and returns every statement it prepared on `sqlite`, with the parameters it ran
 * with (the real queries, not copies). `prepare` is restored afterwards, even if `work` throws.
 * `work` may be async (query functions are): better-sqlite3 runs every statement synchronously, so
 * what `work` awaits is the statements themselves, and `prepare` is restored once it settles.
 * Nothing else may use the connection meanwhile, or its statements are captured too.
 */
export async function captureStatements(sqlite: Database.Database, work: () => unknown): Promise<CapturedStatement[]> {
  const prepare = sqlite.prepare.bind(sqlite);
  const captured: CapturedStatement[] = [];
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    const entry: CapturedStatement = { sql: source, params: [] };
    captured.push(entry);
    for (const method of ["all", "get", "run"] as const) {
      const original = (statement[method] as (...params: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        entry.params = params;
        return original(...params);
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
  try {
    await work();
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare;
  }
  return captured;
}

/**
 * Runs `work` on `db`, captures every SQL statement it sends with its bound parameters, and
 * returns SQLite's query plan for each (rows joined by newlines), so tests check the real queries.
 */
export async function queryPlans(db: Db, work: () => unknown): Promise<{ sql: string; plan: string }[]> {
  const sqlite = rawSqlite(db);
  return (await captureStatements(sqlite, work)).map(({ sql, params }) => {
    const rows = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`) as Database.Statement<unknown[], { detail: string }>).all(...params);
    return { sql, plan: rows.map((row) => row.detail).join("\n") };
  });
}
