import "server-only";

import type { CatalogFlag } from "@/lib/catalog/types";
import type { IngestEvent } from "@/lib/envelope/event-schema";
import { database, sqliteOf } from "../client";
import type { PgDb } from "../postgres/open";
import { forgetClosedRollups } from "./closed-rollups";
import { storeOnPostgres } from "./store-events-postgres";
import { storeOnSqlite } from "./store-events-sqlite";

export interface NewEvent extends IngestEvent {
  catalogFlag: CatalogFlag | null;
}

export interface StoreResult {
  accepted: number;
  duplicates: number;
}

/** One ingest request's events and the time it was received (the default `occurred_at`). */
export interface Submission {
  events: readonly NewEvent[];
  receivedAt: number;
}

/**
 * Stores several submissions in ONE transaction, in order, with their organizations and hourly
 * rollups, and returns each submission's own counts: a request id already stored, repeated in a
 * submission, or stored by an earlier submission of the same call is skipped and counted as that
 * submission's duplicate. Returns only after the transaction committed (and the hours it changed
 * were dropped from closed-rollups.ts's memory); if it throws, nothing of any submission was stored.
 * On PostgreSQL, an id stored at the same moment by another instance is accepted by exactly one.
 */
export async function storeSubmissions(submissions: readonly Submission[]): Promise<StoreResult[]> {
  const app = await database();
  // The database is taken once: its memory of closed hours must be the one of the database written.
  if (app.dialect === "sqlite") {
    // Synchronous from BEGIN to COMMIT (store-events-sqlite.ts); a transaction that threw changed
    // nothing, so only a committed one makes hours to forget.
    const { results, hours } = storeOnSqlite(sqliteOf(app.db), submissions);
    forgetClosedRollups(app.db, hours);
    return results;
  }
  const { results, hours, epoch } = await storeOnPostgres(app.db as unknown as PgDb, submissions);
  forgetClosedRollups(app.db, hours, epoch);
  return results;
}

/** Stores one batch in one transaction (see `storeSubmissions`); the caller may acknowledge on return. */
export async function storeEvents(batch: readonly NewEvent[], receivedAt: number): Promise<StoreResult> {
  const [result] = await storeSubmissions([{ events: batch, receivedAt }]);
  if (!result) throw new Error("storeSubmissions returned no result for one submission");
  return result;
}
