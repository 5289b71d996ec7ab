import "server-only";

import type Database from "better-sqlite3";
import type { StoreResult, Submission } from "./store-events";
import { GroupTally, occurredAtOf } from "./store-events-tally";

/*
 * The SQLite ingest path uses hand-written statements prepared once per connection rather than
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

export interface SqliteStored {
  results: StoreResult[];
  /** Every hour whose rollups the transaction changed. */
  hours: Set<number>;
}

type StoreTransaction = (submissions: readonly Submission[]) => SqliteStored;

/** Keyed by connection: tests and the CLI switch databases, and a statement belongs to one connection. */
const prepared = new WeakMap<Database.Database, StoreTransaction>();

function prepareStore(sqlite: Database.Database): StoreTransaction {
  const insertEvent = sqlite.prepare(INSERT_EVENT);
  const insertOrganization = sqlite.prepare(INSERT_ORGANIZATION);
  const upsertRollup = sqlite.prepare(UPSERT_ROLLUP);

  const store = sqlite.transaction((submissions: readonly Submission[]): SqliteStored => {
    const tally = new GroupTally();
    const results = submissions.map(({ events, receivedAt }) => {
      let accepted = 0;
      for (const event of events) {
        const occurredAt = occurredAtOf(event, receivedAt);
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
        tally.add(event, occurredAt, receivedAt);
      }
      return { accepted, duplicates: events.length - accepted };
    });
    for (const [orgId, receivedAt] of tally.firstSeen) insertOrganization.run(orgId, receivedAt);
    for (const r of tally.rollups.values()) upsertRollup.run(r.orgId, r.code, r.httpStatus, r.hour, r.count);
    return { results, hours: tally.hours() };
  });
  // Take the write lock up front: a deferred transaction that upgrades later can fail with SQLITE_BUSY.
  return (submissions) => store.immediate(submissions);
}

/**
 * Stores a group in one synchronous better-sqlite3 transaction: nothing can run on the shared
 * connection between its BEGIN and COMMIT (an `await` there would let another request's writes join it).
 */
export function storeOnSqlite(sqlite: Database.Database, submissions: readonly Submission[]): SqliteStored {
  let store = prepared.get(sqlite);
  if (!store) {
    store = prepareStore(sqlite);
    prepared.set(sqlite, store);
  }
  return store(submissions);
}
