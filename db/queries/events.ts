import "server-only";

import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, min, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { database, type AppDatabase, type Db, type Tables } from "../client";
import { firstRow, forDialect, selectRows } from "../raw";
import type { EventRow } from "../schema";

// The write path lives in its own module (prepared statements, one transaction per group of
// submissions); it is re-exported so callers keep importing every event query from here.
export { storeEvents, storeSubmissions, type NewEvent, type StoreResult, type Submission } from "./store-events";

export type StoredEvent = EventRow;

/** The event with this id; with a filter, only when the event also matches it. */
export async function findEventByRequestId(requestId: string, filter: EventFilter = {}): Promise<StoredEvent | undefined> {
  const app = await database();
  const { events } = app.t;
  return firstRow(
    await app.db
      .select()
      .from(events)
      .where(and(eq(events.requestId, requestId), ...filterConditions(app, filter)))
      .limit(1),
  );
}

/**
 * Ids are ASCII; U+FFFF encodes above every ASCII byte, so this bound closes the prefix range (on
 * PostgreSQL too: request_id is collated "C", byte order, like SQLite's BINARY).
 */
const PREFIX_END = "\uffff";

function prefixRange({ events }: Tables, prefix: string): SQL | undefined {
  return and(gte(events.requestId, prefix), lt(events.requestId, `${prefix}${PREFIX_END}`));
}

/**
 * Ids of one prefix a filtered lookup examines at most. Left to itself, SQLite may prefer an
 * organization's or a code's index over the prefix range (it cannot know that an id prefix is the
 * narrower); reading the range first keeps the cost bounded by the prefix whatever the filter.
 */
const FILTERED_PREFIX_CANDIDATES = 1000;

/** Events whose id starts with `prefix`, in id order; with a filter, those of them that match it. */
export async function findEventsByRequestIdPrefix(prefix: string, limit: number, filter: EventFilter = {}): Promise<StoredEvent[]> {
  const app = await database();
  const { db, t } = app;
  const { events } = t;
  const conditions = filterConditions(app, filter).filter((condition) => condition !== undefined);
  if (conditions.length === 0) return db.select().from(events).where(prefixRange(t, prefix)).orderBy(events.requestId).limit(limit);
  const inRange = db
    .select({ rowId: events.id })
    .from(events)
    .where(prefixRange(t, prefix))
    .orderBy(events.requestId)
    .limit(FILTERED_PREFIX_CANDIDATES)
    .as("in_range");
  // SQLite keeps the left side of a CROSS JOIN as the outer loop: the prefix range, then one rowid
  // lookup each. PostgreSQL plans the join itself; the bounded subquery caps its cost all the same.
  return db
    .select(getTableColumns(events))
    .from(inRange)
    .crossJoin(events)
    .where(and(eq(events.id, inRange.rowId), ...conditions))
    .orderBy(events.requestId)
    .limit(limit);
}

/**
 * SQLite: the id-prefix seek, prepared once per database handle: "did you mean" probes up to a few
 * thousand generated prefixes per search, and drizzle's builder would render and prepare each anew.
 */
function preparePrefixProbe({ db, t: { events } }: AppDatabase) {
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
export async function storedRequestIds(ids: readonly string[]): Promise<string[]> {
  const { db, t } = await database();
  const found: string[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    const rows = await db.select({ requestId: t.events.requestId }).from(t.events).where(inArray(t.events.requestId, chunk));
    found.push(...rows.map((row) => row.requestId));
  }
  return found;
}

/** Adds one prefix's first ids, in id order, up to the room left: what its own seek, limited to that room, finds. */
function collect(found: Set<string>, limit: number, ids: readonly string[]): void {
  for (const id of ids.slice(0, limit - found.size)) found.add(id);
}

/** Prefixes sent to PostgreSQL per statement: a round trip each would cost more than the seeks. */
const PREFIXES_PER_STATEMENT = 200;

/** Stored ids starting with any of `prefixes`, at most `limit`: one seek into the unique index per prefix, never a scan. */
export async function storedRequestIdsWithPrefixes(prefixes: readonly string[], limit: number): Promise<string[]> {
  const app = await database();
  const found = new Set<string>();
  if (app.dialect === "sqlite") {
    let probe = prefixProbes.get(app.db);
    if (!probe) {
      probe = preparePrefixProbe(app);
      prefixProbes.set(app.db, probe);
    }
    for (const start of prefixes) {
      if (found.size >= limit) break;
      for (const row of probe.all({ low: start, high: `${start}${PREFIX_END}`, limit: limit - found.size })) found.add(row.requestId);
    }
    return [...found];
  }
  // PostgreSQL: the same seeks, a batch of prefixes per statement (a lateral subquery per prefix),
  // each limited to what the whole answer can take; the ids are then taken in the same order.
  for (let start = 0; start < prefixes.length && found.size < limit; start += PREFIXES_PER_STATEMENT) {
    const batch = prefixes.slice(start, start + PREFIXES_PER_STATEMENT);
    const rows = await selectRows<{ n: number; requestId: string }>(
      app,
      sql`
      select p.n as "n", e.request_id as "requestId"
      from unnest(${sql.param(batch)}::text[]) with ordinality as p(prefix, n)
      cross join lateral (
        select request_id from events
        where request_id >= p.prefix and request_id < p.prefix || ${PREFIX_END}
        order by request_id limit ${limit - found.size}
      ) e
      order by p.n, e.request_id`,
    );
    const byPrefix = batch.map((): string[] => []);
    for (const row of rows) byPrefix[row.n - 1]!.push(row.requestId);
    for (const ids of byPrefix) {
      if (found.size >= limit) break;
      collect(found, limit, ids);
    }
  }
  return [...found];
}

/** When the oldest stored event happened (epoch ms), or null when nothing is stored; one index seek. */
export async function oldestEventOccurredAt(): Promise<number | null> {
  const { db, t } = await database();
  const [row] = await db.select({ oldest: min(t.events.occurredAt) }).from(t.events);
  return row?.oldest ?? null;
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

/** Case-insensitive containment, like SQLite's LIKE (ASCII case); PostgreSQL's LIKE minds case, ILIKE does not. */
function containsPattern(app: AppDatabase, column: SQLiteColumn, pattern: string): SQL {
  return forDialect(app, {
    sqlite: sql`${column} like ${pattern} escape '\\'`,
    postgres: sql`${column} ilike ${pattern} escape '\\'`,
  });
}

function filterConditions(app: AppDatabase, filter: EventFilter): (SQL | undefined)[] {
  const { events } = app.t;
  const pattern = filter.text ? `%${filter.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : undefined;
  return [
    filter.requestIdPrefix ? prefixRange(app.t, filter.requestIdPrefix) : undefined,
    filter.orgId ? eq(events.orgId, filter.orgId) : undefined,
    filter.code ? eq(events.code, filter.code) : undefined,
    filter.httpStatus ? eq(events.httpStatus, filter.httpStatus) : undefined,
    filter.service ? eq(events.service, filter.service) : undefined,
    filter.from !== undefined ? gte(events.occurredAt, filter.from) : undefined,
    filter.to !== undefined ? lt(events.occurredAt, filter.to) : undefined,
    pattern ? or(containsPattern(app, events.message, pattern), containsPattern(app, events.code, pattern)) : undefined,
  ];
}

/** Events matching a filter, newest first, one page at a time (keyset pagination on time then id). */
export async function listEvents(filter: EventFilter, limit: number, cursor?: EventCursor): Promise<{ events: StoredEvent[]; nextCursor: EventCursor | null }> {
  const app = await database();
  const { events } = app.t;
  const after = cursor
    ? or(lt(events.occurredAt, cursor.occurredAt), and(eq(events.occurredAt, cursor.occurredAt), lt(events.id, cursor.id)))
    : undefined;
  const rows = await app.db
    .select()
    .from(events)
    .where(and(...filterConditions(app, filter), after))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor: EventCursor | null = rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { events: page, nextCursor };
}
