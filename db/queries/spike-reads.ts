import "server-only";

import { and, eq, gte, lt, min, sql, type SQL } from "drizzle-orm";
import { innerMap } from "@/lib/maps";
import { alignRange, HOUR_MS } from "@/lib/trends/buckets";
import type { TimeRange } from "@/lib/trends/types";
import { database, type Tables } from "../client";
import { forDialect, selectRows } from "../raw";
import { rollupHours, type PairStatusCount } from "./closed-rollups";

/*
 * The reads of the spike check (lib/trends/spikes.ts): exact counts of a window ending now, hourly
 * baselines of earlier windows, and first-seen checks. As in rollups.ts (which re-exports these),
 * raw events are read only within an hour; SQLite's JSON functions and two-argument min/max become
 * PostgreSQL's json_array_elements(_text) and least/greatest.
 */

/** Raw events of a half-open time range (rollups.ts's minute series use it too). */
export function eventsWithin({ events }: Tables, range: TimeRange): SQL | undefined {
  return and(gte(events.occurredAt, range.from), lt(events.occurredAt, range.to));
}

export interface WindowCount {
  orgId: string;
  code: string;
  httpStatus: number;
  count: number;
  /** Earliest and latest event: exact in the first partial hour, the start of their hour after it. */
  earliest: number;
  latest: number;
}

/**
 * Exact events per organization, code and status in a window ending now: raw events from the
 * window's start up to the next hour boundary (at most one hour, events_occurred_idx; on PostgreSQL
 * the BRIN index on occurred_at), whole hourly rollups from there, the closed ones from memory
 * (closed-rollups.ts). The current hour's rollup is exact because nothing after now exists yet (an
 * event dated in the future would be counted).
 */
export async function windowCounts(window: TimeRange): Promise<WindowCount[]> {
  const app = await database();
  const edge = Math.min(Math.ceil(window.from / HOUR_MS) * HOUR_MS, window.to);
  const partial = await selectRows<WindowCount>(
    app,
    sql`
    select org_id as "orgId", code, http_status as "httpStatus", count(*) as count, min(occurred_at) as earliest, max(occurred_at) as latest
    from events where occurred_at >= ${window.from} and occurred_at < ${edge} group by 1, 2, 3`,
  );
  const hours = edge < window.to ? await rollupHours({ from: edge, to: alignRange(window, "hour").to }, window.to) : [];
  // Organization, then code, then status (see DayPairCounts for why not one composite key).
  const byOrg = new Map<string, Map<string, Map<number, WindowCount>>>();
  const add = (row: PairStatusCount, earliest: number, latest: number) => {
    const statuses = innerMap(innerMap(byOrg, row.orgId), row.code);
    const entry = statuses.get(row.httpStatus);
    if (!entry) statuses.set(row.httpStatus, { orgId: row.orgId, code: row.code, httpStatus: row.httpStatus, count: row.count, earliest, latest });
    else {
      entry.count += row.count;
      entry.earliest = Math.min(entry.earliest, earliest);
      entry.latest = Math.max(entry.latest, latest);
    }
  };
  for (const row of partial) add(row, row.earliest, row.latest);
  for (const { hour, counts } of hours) for (const row of counts) add(row, hour, hour);
  return [...byOrg.values()].flatMap((codes) => [...codes.values()].flatMap((statuses) => [...statuses.values()]));
}

export interface OrgCode {
  orgId: string;
  code: string;
}

/** Pairs travel as one JSON parameter: no bound-parameter limit, one prepared statement. */
function pairKeys(pairs: readonly OrgCode[]): string {
  return JSON.stringify(pairs.map((pair) => `${pair.orgId} ${pair.code}`));
}

export interface BaselineCount extends OrgCode {
  /** Index into the `windows` argument. */
  window: number;
  count: number;
}

/**
 * Events of the given pairs in each window, from hourly rollups (hourly_rollups_hour_idx; on
 * PostgreSQL the primary key; one range per window). A rollup hour only partly inside a window
 * counts by its overlap, assuming its events spread evenly over the hour: baselines are estimates
 * to the hour, not exact counts.
 * Windows without events are absent.
 */
export async function baselineCounts(windows: readonly TimeRange[], pairs: readonly OrgCode[]): Promise<BaselineCount[]> {
  if (windows.length === 0 || pairs.length === 0) return [];
  const app = await database();
  // Typed, so PostgreSQL does not take the VALUES columns for text.
  const values = sql.join(
    windows.map((window, index) => sql`(${sql.raw(String(index))}, cast(${window.from} as bigint), cast(${window.to} as bigint))`),
    sql`, `,
  );
  const hour = sql.raw(String(HOUR_MS));
  const overlap = forDialect(app, {
    sqlite: sql`min(r.hour + ${hour}, w.e) - max(r.hour, w.s)`,
    postgres: sql`least(r.hour + ${hour}, w.e) - greatest(r.hour, w.s)`,
  });
  // Ids never contain spaces (see the ingest schema), so "org code" is an unambiguous key.
  const keys = forDialect(app, {
    sqlite: sql`select value from json_each(${pairKeys(pairs)})`,
    postgres: sql`select json_array_elements_text(${pairKeys(pairs)}::json)`,
  });
  const rows = await selectRows<{ orgId: string; code: string; window: number; count: number }>(
    app,
    sql`
    with w(k, s, e) as (values ${values})
    select r.org_id as "orgId", r.code as code, w.k as "window",
      sum(r.count * (${overlap})) * 1.0 / ${hour} as count
    from w join hourly_rollups r on r.hour > w.s - ${hour} and r.hour < w.e
    where r.org_id || ' ' || r.code in (${keys})
    group by r.org_id, r.code, w.k`,
  );
  return rows.map((row) => ({ ...row, window: Number(row.window), count: Number(row.count) }));
}

/** The pairs that have any rollup in the range (the primary key, one seek each). */
export async function pairsSeenInRollups(pairs: readonly OrgCode[], range: TimeRange): Promise<OrgCode[]> {
  if (pairs.length === 0) return [];
  const app = await database();
  const json = JSON.stringify(pairs.map((pair) => [pair.orgId, pair.code]));
  const asked = forDialect(app, {
    sqlite: sql`select json_extract(value, '$[0]') as org_id, json_extract(value, '$[1]') as code from json_each(${json})`,
    postgres: sql`select value->>0 as org_id, value->>1 as code from json_array_elements(${json}::json) as pairs(value)`,
  });
  return selectRows<OrgCode>(
    app,
    sql`
    select p.org_id as "orgId", p.code as code
    from (${asked}) p
    where exists (select 1 from hourly_rollups r
                  where r.org_id = p.org_id and r.code = p.code and r.hour >= ${range.from} and r.hour < ${range.to})`,
  );
}

/** Organization and code pairs with raw events in the range; for ranges of at most an hour. */
export async function pairsSeenInEvents(range: TimeRange): Promise<OrgCode[]> {
  const { db, t } = await database();
  return db.selectDistinct({ orgId: t.events.orgId, code: t.events.code }).from(t.events).where(eventsWithin(t, range));
}

/** The first event of an organization and code in a range of at most an hour, epoch ms. */
export async function firstEventAt(orgId: string, code: string, range: TimeRange): Promise<number | null> {
  const { db, t } = await database();
  const { events } = t;
  const [row] = await db
    .select({ first: min(events.occurredAt) })
    .from(events)
    .where(and(eq(events.orgId, orgId), eventsWithin(t, range), eq(events.code, code)));
  return row?.first ?? null;
}

/**
 * Start of the first hour with events of each organization (one index seek each, in one statement:
 * a query per organization cost more in drizzle's rendering than in SQLite). Unknown ones are absent.
 */
export async function orgHistoryStarts(orgIds: readonly string[]): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const app = await database();
  const ids = JSON.stringify(orgIds);
  const asked = forDialect(app, {
    sqlite: sql`json_each(${ids}) o`,
    postgres: sql`json_array_elements_text(${ids}::json) as o(value)`,
  });
  const rows = await selectRows<{ orgId: string; first: number | null }>(
    app,
    sql`
    select o.value as "orgId", (select min(hour) from hourly_rollups where org_id = o.value) as "first"
    from ${asked}`,
  );
  return new Map(rows.flatMap((row) => (row.first === null ? [] : [[row.orgId, Number(row.first)] as const])));
}

