import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

/**
 * The better-sqlite3 connection under a drizzle handle (drizzle sets `$client`; the `Db` type omits
 * it), for tests that need `EXPLAIN QUERY PLAN`, pragmas or raw counts on the very same connection.
 */
export function rawSqlite(db: Db): Database.Database {
  return (db as Db & { $client: Database.Database }).$client;
}
