import "server-only";

import type pg from "pg";
import { database } from "./client";
import type { PgDb } from "./postgres/open";

/*
 * A lock held by one caller at a time across every instance on the database, for a check and the
 * write that depends on it (e.g. "is this the last admin?" then demoting). Within a process,
 * callers queue in memory; on PostgreSQL the one running also holds a session advisory lock on a
 * connection of its own, so callers on other instances wait for it. SQLite serves one process per
 * file, so the in-memory queue is the whole lock there.
 */

const queues = new Map<string, Promise<unknown>>();

function inProcessQueue<T>(name: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(name) ?? Promise.resolve()).then(work, work);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

async function underAdvisoryLock<T>(db: PgDb, name: string, work: () => Promise<T>): Promise<T> {
  const client: pg.PoolClient = await (db as PgDb & { $client: pg.Pool }).$client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      return await work();
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  } finally {
    client.release();
  }
}

/** Runs `work` while holding the lock `name` (see above); the lock is released however `work` ends. */
export function withClusterLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  return inProcessQueue(name, async () => {
    const handle = await database();
    if (handle.dialect !== "postgres") return work();
    return underAdvisoryLock(handle.db as unknown as PgDb, `errata.${name}`, work);
  });
}
