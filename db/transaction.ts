import "server-only";

import { is } from "drizzle-orm";
import { SQLiteSelectBase } from "drizzle-orm/sqlite-core";
import type { AppDatabase, Db } from "./client";
import type { PgDb } from "./postgres/open";

/*
 * One transaction body for both backends, written as a generator that yields its statements:
 *
 *     transaction(database, function* (tx) {
 *       const [row] = yield* rows(tx.insert(t.x).values(v).returning({ id: t.x.id }));
 *       yield* exec(tx.delete(t.y).where(...));
 *       return row.id;
 *     });
 *
 * better-sqlite3 runs each statement synchronously inside its native transaction, so no other
 * request's code can run between BEGIN and COMMIT on the shared connection (an `await` there would
 * let it, and its writes would join this transaction). On PostgreSQL each statement is awaited on
 * the transaction's own pooled connection.
 */

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface Step {
  query: PromiseLike<unknown>;
  wantsRows: boolean;
}

export type TransactionBody<T> = (tx: Tx) => Generator<Step, T, unknown>;

/** A select, or a write with `.returning(…)`: its rows. */
export function* rows<T>(query: PromiseLike<T[]>): Generator<Step, T[], unknown> {
  return (yield { query, wantsRows: true }) as T[];
}

/** A write whose result is not needed (use `.returning()` and `rows` to count what changed). */
export function* exec(query: PromiseLike<unknown>): Generator<Step, void, unknown> {
  yield { query, wantsRows: false };
}

interface SqliteStatement {
  all(): unknown;
  run(): unknown;
  config?: { returning?: unknown };
}

function runOnSqlite(step: Step): unknown {
  const statement = step.query as unknown as SqliteStatement;
  if (step.wantsRows) {
    if (!is(statement, SQLiteSelectBase) && !statement.config?.returning) throw new Error("transaction: rows() needs a select or .returning()");
    return statement.all();
  }
  statement.run();
  return undefined;
}

/** Runs `body` in one transaction (SQLite: BEGIN IMMEDIATE, taking the write lock up front). */
export async function transaction<T>(database: AppDatabase, body: TransactionBody<T>): Promise<T> {
  if (database.dialect === "sqlite") {
    return database.db.transaction(
      (tx) => {
        const steps = body(tx);
        let next = steps.next();
        while (!next.done) next = steps.next(runOnSqlite(next.value));
        return next.value;
      },
      { behavior: "immediate" },
    );
  }
  return (database.db as unknown as PgDb).transaction(async (tx) => {
    const steps = body(tx as unknown as Tx);
    let next = steps.next();
    while (!next.done) {
      const result = await next.value.query;
      next = steps.next(next.value.wantsRows ? result : undefined);
    }
    return next.value;
  });
}
