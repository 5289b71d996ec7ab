import "server-only";

import { and, eq, gte, lt, min, sql, type SQL } from "drizzle-orm";
import { innerMap } from "@/lib/maps";
import { alignRange, bucketStart, HOUR_MS, type BucketCodeCount } from "@/lib/trends/buckets";
import type { CodeStatusCount } from "@/lib/trends/deltas";
import type { OrgCodeCount, OrgHourCount } from "@/lib/trends/org-summary";
import type { TimeRange, TrendPoint } from "@/lib/trends/types";
import { getDb } from "../client";
import { events, hourlyRollups as r } from "../schema";
import { rollupHours, type PairStatusCount } from "./closed-rollups";

/*
 * Trend reads. Everything here reads `hourly_rollups` through one of its covering indexes; the only
 * raw-event reads are bounded: minute series (ranges of at most 6 hours, one organization or code)
 * and the partial hour at the start of a spike window. Ranges are half-open; rollup ranges should
 * be whole hours (a rollup row counts its whole hour).
 */

export type RollupBucket = "hour" | "day";

/** Bucket start of a rollup row; constants are inlined so GROUP BY repeats the very same expression. */
function rollupBucket(bucket: RollupBucket): SQL<number> {
  return bucket === "hour" ? sql<number>`${r.hour}` : sql<number>`(${r.hour} - ${r.hour} % ${sql.raw(String(24 * HOUR_MS))})`;
}

const rollupSum = sql<number>`sum(${r.count})`.mapWith(Number);
const eventCount = sql<number>`count(*)`.mapWith(Number);
const minuteOf = sql<number>`(${events.occurredAt} - ${events.occurredAt} % 60000)`.mapWith(Number);

function hoursWithin(range: TimeRange): SQL | undefined {
  return and(gte(r.hour, range.from), lt(r.hour, range.to));
}

function eventsWithin(range: TimeRange): SQL | undefined {
  return and(gte(events.occurredAt, range.from), lt(events.occurredAt, range.to));
}

/**
 * Events per bucket and code of one organization (hourly_rollups_org_hour_idx), one point per
 * bucket with events. SQLite folds the codes of a bucket into a JSON object: a 30-day hourly
 * chart is ~700 rows to hand over instead of one per hour and code, which dominated the time.
 */
export function orgRollupSeries(orgId: string, range: TimeRange, bucket: RollupBucket): TrendPoint[] {
  const rows = getDb().all<{ t: number; counts: string }>(sql`
    select t, json_group_object(code, n) as counts
    from (select ${rollupBucket(bucket)} as t, ${r.code} as code, sum(${r.count}) as n
          from ${r} where ${and(eq(r.orgId, orgId), hoursWithin(range))}
          group by 1, 2)
    group by t`);
  return rows.map((row) => ({ t: Number(row.t), counts: JSON.parse(row.counts) as Record<string, number> }));
}

/** Events per code and status of one organization (hourly_rollups_org_hour_idx). */
export function orgCodeStatusTotals(orgId: string, range: TimeRange): CodeStatusCount[] {
  return getDb()
    .select({ code: r.code, httpStatus: r.httpStatus, count: rollupSum })
    .from(r)
    .where(and(eq(r.orgId, orgId), hoursWithin(range)))
    .groupBy(r.code, r.httpStatus)
    .all();
}

/** Events per minute, code and status of one organization, from raw events (events_org_occurred_idx). */
export function orgMinuteCounts(orgId: string, range: TimeRange): (BucketCodeCount & { httpStatus: number })[] {
  return getDb()
    .select({ t: minuteOf, code: events.code, httpStatus: events.httpStatus, count: eventCount })
    .from(events)
    .where(and(eq(events.orgId, orgId), eventsWithin(range)))
    .groupBy(minuteOf, events.code, events.httpStatus)
    .all();
}

/**
 * Events per organization and hour, every organization, over whole hours: a read of the current hour
 * at most, the closed hours coming from memory (closed-rollups.ts).
 */
export function orgHourlyCounts(range: TimeRange, now: number): OrgHourCount[] {
  return rollupHours(range, now).flatMap(({ hour, orgTotals }) => Array.from(orgTotals, ([orgId, count]) => ({ orgId, hour, count })));
}

/** Events per organization and code over whole hours, statuses summed (closed hours from memory). */
export function orgCodeCounts(range: TimeRange, now: number): OrgCodeCount[] {
  // Nested maps keyed by the ids themselves: no key string is built per row (see DayPairCounts).
  const byOrg = new Map<string, Map<string, number>>();
  for (const { counts } of rollupHours(range, now)) {
    for (const row of counts) {
      const codes = innerMap(byOrg, row.orgId);
      codes.set(row.code, (codes.get(row.code) ?? 0) + row.count);
    }
  }
  return [...byOrg].flatMap(([orgId, codes]) => Array.from(codes, ([code, count]) => ({ orgId, code, count })));
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
 * window's start up to the next hour boundary (at most one hour, events_occurred_idx), whole hourly
 * rollups from there, the closed ones from memory (closed-rollups.ts). The current hour's rollup is
 * exact because nothing after now exists yet (an event dated in the future would be counted).
 */
export function windowCounts(window: TimeRange): WindowCount[] {
  const edge = Math.min(Math.ceil(window.from / HOUR_MS) * HOUR_MS, window.to);
  const partial = getDb().all<WindowCount>(sql`
    select org_id as orgId, code, http_status as httpStatus, count(*) as count, min(occurred_at) as earliest, max(occurred_at) as latest
    from events where occurred_at >= ${window.from} and occurred_at < ${edge} group by 1, 2, 3`);
  const hours = edge < window.to ? rollupHours({ from: edge, to: alignRange(window, "hour").to }, window.to) : [];
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
 * Events of the given pairs in each window, from hourly rollups (hourly_rollups_hour_idx, one range
 * per window). A rollup hour only partly inside a window counts by its overlap, assuming its
 * events spread evenly over the hour: baselines are estimates to the hour, not exact counts.
 * Windows without events are absent.
 */
export function baselineCounts(windows: readonly TimeRange[], pairs: readonly OrgCode[]): BaselineCount[] {
  if (windows.length === 0 || pairs.length === 0) return [];
  const values = sql.join(
    windows.map((window, index) => sql`(${index}, ${window.from}, ${window.to})`),
    sql`, `,
  );
  const hour = sql.raw(String(HOUR_MS));
  // Ids never contain spaces (see the ingest schema), so "org code" is an unambiguous key.
  const rows = getDb().all<{ orgId: string; code: string; window: number; count: number }>(sql`
    with w(k, s, e) as (values ${values})
    select r.org_id as orgId, r.code as code, w.k as window,
      sum(r.count * (min(r.hour + ${hour}, w.e) - max(r.hour, w.s))) * 1.0 / ${hour} as count
    from w join hourly_rollups r on r.hour > w.s - ${hour} and r.hour < w.e
    where r.org_id || ' ' || r.code in (select value from json_each(${pairKeys(pairs)}))
    group by r.org_id, r.code, w.k`);
  return rows.map((row) => ({ ...row, window: Number(row.window), count: Number(row.count) }));
}

/** The pairs that have any rollup in the range (the primary key, one seek each). */
export function pairsSeenInRollups(pairs: readonly OrgCode[], range: TimeRange): OrgCode[] {
  if (pairs.length === 0) return [];
  return getDb().all<OrgCode>(sql`
    select p.org_id as orgId, p.code as code
    from (select json_extract(value, '$[0]') as org_id, json_extract(value, '$[1]') as code
          from json_each(${JSON.stringify(pairs.map((pair) => [pair.orgId, pair.code]))})) p
    where exists (select 1 from hourly_rollups r
                  where r.org_id = p.org_id and r.code = p.code and r.hour >= ${range.from} and r.hour < ${range.to})`);
}

/** Organization and code pairs with raw events in the range; for ranges of at most an hour. */
export function pairsSeenInEvents(range: TimeRange): OrgCode[] {
  return getDb().selectDistinct({ orgId: events.orgId, code: events.code }).from(events).where(eventsWithin(range)).all();
}

/** The first event of an organization and code in a range of at most an hour, epoch ms. */
export function firstEventAt(orgId: string, code: string, range: TimeRange): number | null {
  const row = getDb()
    .select({ first: min(events.occurredAt) })
    .from(events)
    .where(and(eq(events.orgId, orgId), eventsWithin(range), eq(events.code, code)))
    .get();
  return row?.first ?? null;
}

/**
 * Start of the first hour with events of each organization (one index seek each, in one statement:
 * a query per organization cost more in drizzle's rendering than in SQLite). Unknown ones are absent.
 */
export function orgHistoryStarts(orgIds: readonly string[]): Map<string, number> {
  if (orgIds.length === 0) return new Map();
  const rows = getDb().all<{ orgId: string; first: number | null }>(sql`
    select o.value as orgId, (select min(hour) from hourly_rollups where org_id = o.value) as first
    from json_each(${JSON.stringify(orgIds)}) o`);
  return new Map(rows.flatMap((row) => (row.first === null ? [] : [[row.orgId, Number(row.first)] as const])));
}

/**
 * Events of one code per bucket, across organizations (hourly_rollups_code_hour_idx). SQL always
 * groups by hour, which streams in index order; days are folded from those (at most 24 per day)
 * hourly sums here, because grouping by a day expression costs SQLite a temp B-tree (17 ms -> 6 ms
 * over 30 days of a common code at 5 M events).
 */
export function codeRollupSeries(code: string, range: TimeRange, bucket: RollupBucket): { t: number; count: number }[] {
  const hourly = getDb()
    .select({ t: r.hour, count: rollupSum })
    .from(r)
    .where(and(eq(r.code, code), hoursWithin(range)))
    .groupBy(r.hour)
    .all();
  if (bucket === "hour") return hourly;
  const days = new Map<number, number>();
  for (const row of hourly) {
    const day = bucketStart(row.t, "day");
    days.set(day, (days.get(day) ?? 0) + row.count);
  }
  return [...days].map(([t, count]) => ({ t, count }));
}

/**
 * The organizations with the most events of one code in the range. Pinned to
 * hourly_rollups_code_org_idx: without statistics SQLite prefers the hour-ordered index (it seeks on
 * the hour range too) and then groups through a temp B-tree, which costs twice as much on a common
 * code; in organization order the sums stream and only the short ORDER BY sorts.
 */
export function codeTopOrgs(code: string, range: TimeRange, limit: number): { orgId: string; count: number }[] {
  return getDb().all<{ orgId: string; count: number }>(sql`
    select org_id as orgId, sum(count) as count from hourly_rollups indexed by hourly_rollups_code_org_idx
    where code = ${code} and hour >= ${range.from} and hour < ${range.to}
    group by org_id order by count desc, org_id limit ${limit}`);
}

/** Events of one code per minute and organization, from raw events (events_code_occurred_idx). */
export function codeMinuteCounts(code: string, range: TimeRange): { t: number; orgId: string; count: number }[] {
  return getDb()
    .select({ t: minuteOf, orgId: events.orgId, count: eventCount })
    .from(events)
    .where(and(eq(events.code, code), eventsWithin(range)))
    .groupBy(minuteOf, events.orgId)
    .all();
}
