import "server-only";

import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { CatalogFlag } from "@/lib/catalog/types";
import type { IngestEvent } from "@/lib/envelope/event-schema";
import { getDb } from "../client";
import { events, hourlyRollups, organizations, type EventRow } from "../schema";

export type StoredEvent = EventRow;

export interface NewEvent extends IngestEvent {
  catalogFlag: CatalogFlag | null;
}

export interface StoreResult {
  accepted: number;
  duplicates: number;
}

const HOUR_MS = 3_600_000;
/** Rows per INSERT statement: well under SQLite's bound-parameter limit at 14 columns a row. */
const ROWS_PER_STATEMENT = 500;

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Stores events in one transaction with their organizations and hourly rollups; a request id
 * already stored (or repeated in the batch) is skipped and counted as a duplicate. Returns only
 * after the transaction committed, so the caller may acknowledge.
 */
export function storeEvents(batch: readonly NewEvent[], receivedAt: number): StoreResult {
  return getDb().transaction(
    (tx) => {
      const rollups = new Map<string, { orgId: string; code: string; httpStatus: number; hour: number; count: number }>();
      const orgIds = new Set<string>();
      let accepted = 0;
      for (const chunk of chunked(batch, ROWS_PER_STATEMENT)) {
        const inserted = tx
          .insert(events)
          .values(chunk.map((event) => ({ ...event, occurredAt: event.occurredAt ?? receivedAt, receivedAt })))
          .onConflictDoNothing({ target: events.requestId })
          .returning({ orgId: events.orgId, code: events.code, httpStatus: events.httpStatus, occurredAt: events.occurredAt })
          .all();
        accepted += inserted.length;
        for (const row of inserted) {
          const hour = Math.floor(row.occurredAt / HOUR_MS) * HOUR_MS;
          const key = `${row.orgId}\u0000${row.code}\u0000${row.httpStatus}\u0000${hour}`;
          const entry = rollups.get(key) ?? { orgId: row.orgId, code: row.code, httpStatus: row.httpStatus, hour, count: 0 };
          entry.count += 1;
          rollups.set(key, entry);
          orgIds.add(row.orgId);
        }
      }
      for (const chunk of chunked([...orgIds], ROWS_PER_STATEMENT)) {
        tx.insert(organizations)
          .values(chunk.map((id) => ({ id, firstSeenAt: receivedAt })))
          .onConflictDoNothing()
          .run();
      }
      for (const chunk of chunked([...rollups.values()], ROWS_PER_STATEMENT)) {
        tx.insert(hourlyRollups)
          .values(chunk)
          .onConflictDoUpdate({
            target: [hourlyRollups.orgId, hourlyRollups.code, hourlyRollups.hour, hourlyRollups.httpStatus],
            set: { count: sql`${hourlyRollups.count} + excluded.count` },
          })
          .run();
      }
      return { accepted, duplicates: batch.length - accepted };
    },
    // Take the write lock up front: a deferred transaction that upgrades later can fail with SQLITE_BUSY.
    { behavior: "immediate" },
  );
}

export function findEventByRequestId(requestId: string): StoredEvent | undefined {
  return getDb().select().from(events).where(eq(events.requestId, requestId)).get();
}

/** Ids are ASCII; U+FFFF encodes above every ASCII byte, so this bound closes the prefix range. */
function prefixRange(prefix: string): SQL | undefined {
  return and(gte(events.requestId, prefix), lt(events.requestId, `${prefix}\uffff`));
}

export function findEventsByRequestIdPrefix(prefix: string, limit: number): StoredEvent[] {
  return getDb().select().from(events).where(prefixRange(prefix)).orderBy(events.requestId).limit(limit).all();
}

export interface EventFilter {
  requestIdPrefix?: string;
  orgId?: string;
  code?: string;
  httpStatus?: number;
  from?: number;
  to?: number;
  /** Free text matched against code and message. */
  text?: string;
}

export interface EventCursor {
  occurredAt: number;
  id: number;
}

function containsPattern(column: SQLiteColumn, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

function filterConditions(filter: EventFilter): (SQL | undefined)[] {
  const pattern = filter.text ? `%${filter.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : undefined;
  return [
    filter.requestIdPrefix ? prefixRange(filter.requestIdPrefix) : undefined,
    filter.orgId ? eq(events.orgId, filter.orgId) : undefined,
    filter.code ? eq(events.code, filter.code) : undefined,
    filter.httpStatus ? eq(events.httpStatus, filter.httpStatus) : undefined,
    filter.from !== undefined ? gte(events.occurredAt, filter.from) : undefined,
    filter.to !== undefined ? lt(events.occurredAt, filter.to) : undefined,
    pattern ? or(containsPattern(events.message, pattern), containsPattern(events.code, pattern)) : undefined,
  ];
}

/** Events matching a filter, newest first, one page at a time (keyset pagination on time then id). */
export function listEvents(filter: EventFilter, limit: number, cursor?: EventCursor) {
  const after = cursor
    ? or(lt(events.occurredAt, cursor.occurredAt), and(eq(events.occurredAt, cursor.occurredAt), lt(events.id, cursor.id)))
    : undefined;
  const rows = getDb()
    .select()
    .from(events)
    .where(and(...filterConditions(filter), after))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor: EventCursor | null = rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { events: page, nextCursor };
}
