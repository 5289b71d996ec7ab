import "server-only";

import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, min, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "../client";
import { events, type EventRow } from "../schema";

// The write path lives in its own module (prepared statements, one transaction per group of
// submissions); it is re-exported so callers keep importing every event query from here.
export { storeEvents, storeSubmissions, type NewEvent, type StoreResult, type Submission } from "./store-events";

export type StoredEvent = EventRow;

/** The event with this id; with a filter, only when the event also matches it. */
export function findEventByRequestId(requestId: string, filter: EventFilter = {}): StoredEvent | undefined {
  return getDb().select().from(events).where(and(eq(events.requestId, requestId), ...filterConditions(filter))).get();
}

/** Ids are ASCII; U+FFFF encodes above every ASCII byte, so this bound closes the prefix range. */
const PREFIX_END = "\uffff";

function prefixRange(prefix: string): SQL | undefined {
  return and(gte(events.requestId, prefix), lt(events.requestId, `${prefix}${PREFIX_END}`));
}

/**
 * Ids of one prefix a filtered lookup examines at most. Left to itself, SQLite may prefer an
 * organization's or a code's index over the prefix range (it cannot know that an id prefix is the
 * narrower); reading the range first keeps the cost bounded by the prefix whatever the filter.
 */
const FILTERED_PREFIX_CANDIDATES = 1000;

/** Events whose id starts with `prefix`, in id order; with a filter, those of them that match it. */
export function findEventsByRequestIdPrefix(prefix: string, limit: number, filter: EventFilter = {}): StoredEvent[] {
  const conditions = filterConditions(filter).filter((condition) => condition !== undefined);
  const db = getDb();
  if (conditions.length === 0) return db.select().from(events).where(prefixRange(prefix)).orderBy(events.requestId).limit(limit).all();
  const inRange = db
    .select({ rowId: events.id })
    .from(events)
    .where(prefixRange(prefix))
    .orderBy(events.requestId)
    .limit(FILTERED_PREFIX_CANDIDATES)
    .as("in_range");
  // SQLite keeps the left side of a CROSS JOIN as the outer loop: the prefix range, then one rowid lookup each.
  return db
    .select(getTableColumns(events))
    .from(inRange)
    .crossJoin(events)
    .where(and(eq(events.id, inRange.rowId), ...conditions))
    .orderBy(events.requestId)
    .limit(limit)
    .all();
}

/**
 * The id-prefix seek, prepared once per database handle: "did you mean" probes up to a few thousand
 * generated prefixes per search, and drizzle's builder would render and prepare each anew.
 */
function preparePrefixProbe(db: Db) {
  return db
    .select({ requestId: events.requestId })
    .from(events)
    .where(and(gte(events.requestId, sql.placeholder("low")), lt(events.requestId, sql.placeholder("high"))))
    .orderBy(asc(events.requestId))
    .limit(sql.placeholder("limit"))
    .prepare();
}

const prefixProbes = new WeakMap<Db, ReturnType<typeof preparePrefixProbe>>();

/** Bound parameters per statement, well under SQLite's limit, so one IN list never fails to prepare. */
const IDS_PER_STATEMENT = 500;

/** Which of these ids are stored: a seek into the unique index per id, a few hundred ids per statement. */
export function storedRequestIds(ids: readonly string[]): string[] {
  const found: string[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    const rows = getDb().select({ requestId: events.requestId }).from(events).where(inArray(events.requestId, chunk)).all();
    found.push(...rows.map((row) => row.requestId));
  }
  return found;
}

/** Stored ids starting with any of `prefixes`, at most `limit`: one seek into the unique index per prefix, never a scan. */
export function storedRequestIdsWithPrefixes(prefixes: readonly string[], limit: number): string[] {
  const db = getDb();
  let probe = prefixProbes.get(db);
  if (!probe) {
    probe = preparePrefixProbe(db);
    prefixProbes.set(db, probe);
  }
  const found = new Set<string>();
  for (const start of prefixes) {
    if (found.size >= limit) break;
    for (const row of probe.all({ low: start, high: `${start}${PREFIX_END}`, limit: limit - found.size })) found.add(row.requestId);
  }
  return [...found];
}

/** When the oldest stored event happened (epoch ms), or null when nothing is stored; one index seek. */
export function oldestEventOccurredAt(): number | null {
  return getDb().select({ oldest: min(events.occurredAt) }).from(events).get()?.oldest ?? null;
}

export interface EventFilter {
  requestIdPrefix?: string;
  orgId?: string;
  code?: string;
  httpStatus?: number;
  service?: string;
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
    filter.service ? eq(events.service, filter.service) : undefined,
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
