import "server-only";

import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { database, type AppDatabase, type Tables } from "../client";
import { firstRow } from "../raw";
import type { PrunedEventRow } from "../schema";
import { exec, rows, transaction, type Tx } from "../transaction";

/*
 * Retention (ERRATA_RETENTION_DAYS): raw events past it are deleted a small batch per transaction,
 * each leaving a tombstone in pruned_events so a pruned id can still be told apart from an unknown
 * one; hourly rollups and tombstones go after 400 days. lib/retention/ runs the batches.
 *
 * Each batch is one short transaction: on SQLite a few hundred rows hold the single write lock for a
 * few milliseconds (bench/README.md, "Retention"), so ingest commits interleave between batches. On
 * PostgreSQL every instance runs the job: each batch first takes a transaction-scoped advisory lock,
 * without waiting, and a batch that does not get it does nothing, so instances never delete the same
 * rows twice or queue up behind each other.
 */

export type PrunedEvent = PrunedEventRow;

export interface BatchOutcome {
  /** Rows deleted by this batch. */
  deleted: number;
  /** PostgreSQL: another instance was pruning, so this batch did nothing. */
  busy: boolean;
  /** The batch was full: more rows may be due. */
  more: boolean;
}

export interface EventBatch {
  /** Events that occurred before this time (epoch ms) go. */
  before: number;
  limit: number;
  /** Recorded on the tombstones. */
  prunedAt: number;
  /**
   * PostgreSQL: the organization the previous batch of this pass stopped at (its `resumeAt`), so a
   * pass visits each organization once. Ignored on SQLite.
   */
  resumeAt?: string;
}

export interface EventBatchOutcome extends BatchOutcome {
  /** PostgreSQL: where the next batch of the pass starts (pass it back as `resumeAt`). */
  resumeAt?: string;
}

export interface AgeBatch {
  /** Rows dated before this time (epoch ms) go. */
  before: number;
  limit: number;
}

const IDLE: BatchOutcome = { deleted: 0, busy: false, more: false };
const BUSY: BatchOutcome = { deleted: 0, busy: true, more: false };

function outcome(deleted: number, limit: number): BatchOutcome {
  return { deleted, busy: false, more: deleted === limit };
}

interface PgTx {
  execute(query: SQL): PromiseLike<{ rows: unknown[] }>;
}

/** A raw PostgreSQL query inside a transaction body, yielding its rows (only ever called on PostgreSQL). */
function pgRows<T>(tx: Tx, query: SQL) {
  return rows((tx as unknown as PgTx).execute(query).then((result) => result.rows as T[]));
}

/**
 * PostgreSQL: the retention's lock, per schema (each test has its own), held until the transaction
 * ends. pg_try_ never waits: an instance that does not get it skips the batch.
 */
function* retentionLock(tx: Tx) {
  const [row] = yield* pgRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext('errata.retention.' || current_schema())) as "locked"`);
  return row?.locked === true;
}

/**
 * PostgreSQL: up to `limit` expired events, organization by organization from `resumeAt`, each one
 * seek into events_org_occurred_idx (a btree on org_id, occurred_at). The BRIN on occurred_at cannot
 * give "the oldest N" without reading every expired range, and loses its use once deletes let new
 * rows fill old pages (a BRIN range's minimum never rises again); see bench/README.md, "Retention".
 */
function* expiredOnPostgres(tx: Tx, batch: EventBatch) {
  return yield* pgRows<{ id: number; orgId: string }>(
    tx,
    sql`
    select e.id as "id", o.id as "orgId"
    from organizations o
    cross join lateral (
      select id from events
      where org_id = o.id and occurred_at < ${batch.before}
      order by occurred_at
      limit ${batch.limit}
    ) e
    where o.id >= ${batch.resumeAt ?? ""}
    order by o.id
    limit ${batch.limit}`,
  );
}

/** SQLite: the oldest `limit` expired events, from events_occurred_idx. */
function* expiredOnSqlite(tx: Tx, { events }: Tables, batch: EventBatch) {
  return yield* rows(tx.select({ id: events.id }).from(events).where(lt(events.occurredAt, batch.before)).orderBy(events.occurredAt).limit(batch.limit));
}

/**
 * Deletes one batch of events that occurred before `batch.before`, leaving a tombstone for each (an
 * id already tombstoned keeps its first one), in one transaction.
 */
export async function pruneExpiredEvents(batch: EventBatch, handle?: AppDatabase): Promise<EventBatchOutcome> {
  const app = handle ?? (await database());
  const { events, prunedEvents } = app.t;
  return transaction(app, function* (tx) {
    let doomed: { id: number; orgId?: string }[];
    if (app.dialect === "postgres") {
      if (!(yield* retentionLock(tx))) return BUSY;
      doomed = yield* expiredOnPostgres(tx, batch);
    } else {
      doomed = yield* expiredOnSqlite(tx, app.t, batch);
    }
    if (doomed.length === 0) return IDLE;
    // The ids picked above, not the condition again: on PostgreSQL a late event committed meanwhile
    // would match it too, and be deleted without a tombstone.
    const ids = doomed.map((row) => row.id);
    yield* exec(
      tx
        .insert(prunedEvents)
        .select(
          tx
            .select({
              requestId: events.requestId,
              orgId: events.orgId,
              code: events.code,
              httpStatus: events.httpStatus,
              occurredAt: events.occurredAt,
              // Cast: PostgreSQL would take a bare parameter in a select list for text.
              prunedAt: sql<number>`cast(${batch.prunedAt} as bigint)`.as("pruned_at"),
            })
            .from(events)
            .where(inArray(events.id, ids)),
        )
        .onConflictDoNothing(),
    );
    const deleted = yield* rows(tx.delete(events).where(inArray(events.id, ids)).returning({ id: events.id }));
    const more = doomed.length === batch.limit;
    return { deleted: deleted.length, busy: false, more, resumeAt: more ? doomed.at(-1)?.orgId : undefined };
  });
}

/**
 * Deletes one batch of hourly rollups of hours that started before `batch.before`, oldest first
 * (hourly_rollups_hour_idx; on PostgreSQL the primary key). Only hours far older than the 72 kept in
 * memory (closed-rollups.ts) are ever pruned, so that memory needs no notice.
 */
export async function pruneExpiredRollups(batch: AgeBatch, handle?: AppDatabase): Promise<BatchOutcome> {
  const app = handle ?? (await database());
  const { hourlyRollups: r } = app.t;
  return transaction(app, function* (tx) {
    if (app.dialect === "postgres" && !(yield* retentionLock(tx))) return BUSY;
    const oldest = tx
      .select({ orgId: r.orgId, code: r.code, hour: r.hour, httpStatus: r.httpStatus })
      .from(r)
      .where(lt(r.hour, batch.before))
      .orderBy(r.hour)
      .limit(batch.limit);
    const deleted = yield* rows(
      tx
        .delete(r)
        .where(sql`(${r.orgId}, ${r.code}, ${r.hour}, ${r.httpStatus}) in (${oldest})`)
        .returning({ hour: r.hour }),
    );
    return outcome(deleted.length, batch.limit);
  });
}

/** Deletes one batch of tombstones of events that occurred before `batch.before`, oldest first. */
export async function pruneExpiredTombstones(batch: AgeBatch, handle?: AppDatabase): Promise<BatchOutcome> {
  const app = handle ?? (await database());
  const { prunedEvents: p } = app.t;
  return transaction(app, function* (tx) {
    if (app.dialect === "postgres" && !(yield* retentionLock(tx))) return BUSY;
    const oldest = tx.select({ requestId: p.requestId }).from(p).where(lt(p.occurredAt, batch.before)).orderBy(p.occurredAt).limit(batch.limit);
    const deleted = yield* rows(tx.delete(p).where(inArray(p.requestId, oldest)).returning({ requestId: p.requestId }));
    return outcome(deleted.length, batch.limit);
  });
}

/** The tombstone of a request id the retention deleted, if it has one. */
export async function findPrunedEvent(requestId: string): Promise<PrunedEvent | undefined> {
  const { db, t } = await database();
  return firstRow(await db.select().from(t.prunedEvents).where(eq(t.prunedEvents.requestId, requestId)).limit(1));
}

/** Tombstones whose id starts with `prefix`, in id order: a range of the primary key (byte-ordered on both backends). */
export async function findPrunedEventsByPrefix(prefix: string, limit: number): Promise<PrunedEvent[]> {
  const { db, t } = await database();
  const { prunedEvents: p } = t;
  return db
    .select()
    .from(p)
    .where(and(gte(p.requestId, prefix), lt(p.requestId, `${prefix}\uffff`)))
    .orderBy(p.requestId)
    .limit(limit);
}
