import "server-only";

import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "../client";
import { events, type EventRow } from "../schema";

// The write path lives in its own module (prepared statements, one transaction per group of
// submissions); it is re-exported so callers keep importing every event query from here.
export { storeEvents, storeSubmissions, type NewEvent, type StoreResult, type Submission } from "./store-events";

export type StoredEvent = EventRow;

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
