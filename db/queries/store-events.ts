import "server-only";

import type Database from "better-sqlite3";
import type { CatalogFlag } from "@/lib/catalog/types";
import type { IngestEvent } from "@/lib/envelope/event-schema";
import { getDb, sqliteOf } from "../client";
import { forgetClosedRollups } from "./closed-rollups";

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

const HOUR_MS = 3_600_000;

/*
 * The ingest hot path uses hand-written statements prepared once per connection rather than
 * drizzle's builder: the builder re-renders and re-prepares the SQL on every call, which cost more
 * than the inserts themselves (measured in bench/README.md, "Ingest"). The columns are the schema's
 * in db/schema/events.ts, rollups.ts and organizations.ts; the storage tests read the rows back
 * through drizzle, so a renamed column fails them.
 */
const INSERT_EVENT = `INSERT INTO events (request_id, org_id, code, http_status, message, details, occurred_at, received_at,
  service, method, path, environment, catalog_flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (request_id) DO NOTHING`;
const INSERT_ORGANIZATION = `INSERT INTO organizations (id, first_seen_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`;
const UPSERT_ROLLUP = `INSERT INTO hourly_rollups (org_id, code, http_status, hour, count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (org_id, code, hour, http_status) DO UPDATE SET count = count + excluded.count`;

interface Rollup {
  orgId: string;
  code: string;
  httpStatus: number;
  hour: number;
  count: number;
}

type StoreTransaction = (submissions: readonly Submission[]) => StoreResult[];

/** Keyed by connection: tests and the CLI switch databases, and a statement belongs to one connection. */
const prepared = new WeakMap<Database.Database, StoreTransaction>();

function prepareStore(sqlite: Database.Database): StoreTransaction {
  const insertEvent = sqlite.prepare(INSERT_EVENT);
  const insertOrganization = sqlite.prepare(INSERT_ORGANIZATION);
  const upsertRollup = sqlite.prepare(UPSERT_ROLLUP);

  const store = sqlite.transaction((submissions: readonly Submission[]): { results: StoreResult[]; hours: Set<number> } => {
    const rollups = new Map<string, Rollup>();
    const firstSeen = new Map<string, number>();
    const results = submissions.map(({ events, receivedAt }) => {
      let accepted = 0;
      for (const event of events) {
        const occurredAt = event.occurredAt ?? receivedAt;
        const details = event.details == null ? null : JSON.stringify(event.details);
        const { changes } = insertEvent.run(
          event.requestId,
          event.orgId,
          event.code,
          event.httpStatus,
          event.message ?? null,
          details,
          occurredAt,
          receivedAt,
          event.service ?? null,
          event.method ?? null,
          event.path ?? null,
          event.environment ?? null,
          event.catalogFlag ?? null,
        );
        // A request id already stored (earlier, earlier in this batch, or by an earlier submission of
        // this group) inserts nothing: it is this submission's duplicate and is not counted again.
        if (changes === 0) continue;
        accepted += 1;
        const hour = Math.floor(occurredAt / HOUR_MS) * HOUR_MS;
        const key = `${event.orgId}\u0000${event.code}\u0000${event.httpStatus}\u0000${hour}`;
        const rollup = rollups.get(key);
        if (rollup) rollup.count += 1;
        else rollups.set(key, { orgId: event.orgId, code: event.code, httpStatus: event.httpStatus, hour, count: 1 });
        if (!firstSeen.has(event.orgId)) firstSeen.set(event.orgId, receivedAt);
      }
      return { accepted, duplicates: events.length - accepted };
    });
    for (const [orgId, receivedAt] of firstSeen) insertOrganization.run(orgId, receivedAt);
    const hours = new Set<number>();
    for (const r of rollups.values()) {
      upsertRollup.run(r.orgId, r.code, r.httpStatus, r.hour, r.count);
      hours.add(r.hour);
    }
    return { results, hours };
  });
  return (submissions) => {
    // Take the write lock up front: a deferred transaction that upgrades later can fail with SQLITE_BUSY.
    const { results, hours } = store.immediate(submissions);
    // A transaction that threw changed nothing, so only a committed one makes hours to forget.
    forgetClosedRollups(sqlite, hours);
    return results;
  };
}

/**
 * Stores several submissions in ONE transaction, in order, with their organizations and hourly
 * rollups, and returns each submission's own counts: a request id already stored, repeated in a
 * submission, or stored by an earlier submission of the same call is skipped and counted as that
 * submission's duplicate. Returns only after the transaction committed (and the hours it changed
 * were dropped from closed-rollups.ts's memory); if it throws, nothing of any submission was stored.
 */
export function storeSubmissions(submissions: readonly Submission[]): StoreResult[] {
  const sqlite = sqliteOf(getDb());
  let store = prepared.get(sqlite);
  if (!store) {
    store = prepareStore(sqlite);
    prepared.set(sqlite, store);
  }
  return store(submissions);
}

/** Stores one batch in one transaction (see `storeSubmissions`); the caller may acknowledge on return. */
export function storeEvents(batch: readonly NewEvent[], receivedAt: number): StoreResult {
  const [result] = storeSubmissions([{ events: batch, receivedAt }]);
  if (!result) throw new Error("storeSubmissions returned no result for one submission");
  return result;
}
