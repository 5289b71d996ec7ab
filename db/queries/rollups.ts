import "server-only";

import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { innerMap } from "@/lib/maps";
import { bucketStart, HOUR_MS, type BucketCodeCount } from "@/lib/trends/buckets";
import type { CodeStatusCount } from "@/lib/trends/deltas";
import type { OrgCodeCount, OrgHourCount } from "@/lib/trends/org-summary";
import type { TimeRange, TrendPoint } from "@/lib/trends/types";
import { database, type Tables } from "../client";
import { forDialect, selectRows } from "../raw";
import { rollupHours } from "./closed-rollups";
import { eventsWithin } from "./spike-reads";

// The spike check's reads live in their own module; callers keep importing every trend read from here.
export {
  baselineCounts,
  firstEventAt,
  orgHistoryStarts,
  pairsSeenInEvents,
  pairsSeenInRollups,
  windowCounts,
  type BaselineCount,
  type OrgCode,
  type WindowCount,
} from "./spike-reads";

/*
 * Trend reads. Everything here reads `hourly_rollups` through one of its covering indexes; the only
 * raw-event reads are bounded: minute series (ranges of at most 6 hours, one organization or code)
 * and the partial hour at the start of a spike window. Ranges are half-open; rollup ranges should
 * be whole hours (a rollup row counts its whole hour).
 *
 * The same SQL serves both backends except where noted: SQLite's json_group_object becomes
 * PostgreSQL's json_object_agg, and the SQLite-only `indexed by` hint is left out.
 */

export type RollupBucket = "hour" | "day";

/** Bucket start of a rollup row; constants are inlined so GROUP BY repeats the very same expression. */
function rollupBucket({ hourlyRollups: r }: Tables, bucket: RollupBucket): SQL<number> {
  return bucket === "hour" ? sql<number>`${r.hour}` : sql<number>`(${r.hour} - ${r.hour} % ${sql.raw(String(24 * HOUR_MS))})`;
}

const rollupSum = ({ hourlyRollups: r }: Tables) => sql<number>`sum(${r.count})`.mapWith(Number);
const eventCount = sql<number>`count(*)`.mapWith(Number);
const minuteOf = ({ events }: Tables) => sql<number>`(${events.occurredAt} - ${events.occurredAt} % 60000)`.mapWith(Number);

function hoursWithin({ hourlyRollups: r }: Tables, range: TimeRange): SQL | undefined {
  return and(gte(r.hour, range.from), lt(r.hour, range.to));
}


/**
 * Events per bucket and code of one organization (hourly_rollups_org_hour_idx), one point per
 * bucket with events. SQL folds the codes of a bucket into a JSON object: a 30-day hourly
 * chart is ~700 rows to hand over instead of one per hour and code, which dominated the time.
 * SQLite hands the object over as text, PostgreSQL's driver parses its json already.
 */
export async function orgRollupSeries(orgId: string, range: TimeRange, bucket: RollupBucket): Promise<TrendPoint[]> {
  const app = await database();
  const { hourlyRollups: r } = app.t;
  const rows = await selectRows<{ t: number; counts: string | Record<string, number> }>(
    app,
    sql`
    select t, ${forDialect(app, { sqlite: sql`json_group_object(code, n)`, postgres: sql`json_object_agg(code, n)` })} as counts
    from (select ${rollupBucket(app.t, bucket)} as t, ${r.code} as code, sum(${r.count}) as n
          from ${r} where ${and(eq(r.orgId, orgId), hoursWithin(app.t, range))}
          group by 1, 2) as buckets
    group by t`,
  );
  return rows.map((row) => ({ t: Number(row.t), counts: typeof row.counts === "string" ? (JSON.parse(row.counts) as Record<string, number>) : row.counts }));
}

/** Events per code and status of one organization (hourly_rollups_org_hour_idx). */
export async function orgCodeStatusTotals(orgId: string, range: TimeRange): Promise<CodeStatusCount[]> {
  const { db, t } = await database();
  const r = t.hourlyRollups;
  return db
    .select({ code: r.code, httpStatus: r.httpStatus, count: rollupSum(t) })
    .from(r)
    .where(and(eq(r.orgId, orgId), hoursWithin(t, range)))
    .groupBy(r.code, r.httpStatus);
}

/** Events per minute, code and status of one organization, from raw events (events_org_occurred_idx). */
export async function orgMinuteCounts(orgId: string, range: TimeRange): Promise<(BucketCodeCount & { httpStatus: number })[]> {
  const { db, t } = await database();
  const { events } = t;
  const minute = minuteOf(t);
  return db
    .select({ t: minute, code: events.code, httpStatus: events.httpStatus, count: eventCount })
    .from(events)
    .where(and(eq(events.orgId, orgId), eventsWithin(t, range)))
    .groupBy(minute, events.code, events.httpStatus);
}

/**
 * Events per organization and hour, every organization, over whole hours: a read of the current hour
 * at most, the closed hours coming from memory (closed-rollups.ts).
 */
export async function orgHourlyCounts(range: TimeRange, now: number): Promise<OrgHourCount[]> {
  return (await rollupHours(range, now)).flatMap(({ hour, orgTotals }) => Array.from(orgTotals, ([orgId, count]) => ({ orgId, hour, count })));
}

/** Events per organization and code over whole hours, statuses summed (closed hours from memory). */
export async function orgCodeCounts(range: TimeRange, now: number): Promise<OrgCodeCount[]> {
  // Nested maps keyed by the ids themselves: no key string is built per row (see DayPairCounts).
  const byOrg = new Map<string, Map<string, number>>();
  for (const { counts } of await rollupHours(range, now)) {
    for (const row of counts) {
      const codes = innerMap(byOrg, row.orgId);
      codes.set(row.code, (codes.get(row.code) ?? 0) + row.count);
    }
  }
  return [...byOrg].flatMap(([orgId, codes]) => Array.from(codes, ([code, count]) => ({ orgId, code, count })));
}

/**
 * Events of one code per bucket, across organizations (hourly_rollups_code_hour_idx). SQL always
 * groups by hour, which streams in index order; days are folded from those (at most 24 per day)
 * hourly sums here, because grouping by a day expression costs SQLite a temp B-tree (17 ms -> 6 ms
 * over 30 days of a common code at 5 M events).
 */
export async function codeRollupSeries(code: string, range: TimeRange, bucket: RollupBucket): Promise<{ t: number; count: number }[]> {
  const { db, t } = await database();
  const r = t.hourlyRollups;
  const hourly = await db
    .select({ t: r.hour, count: rollupSum(t) })
    .from(r)
    .where(and(eq(r.code, code), hoursWithin(t, range)))
    .groupBy(r.hour);
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
 * hourly_rollups_code_org_idx on SQLite: without statistics it prefers the hour-ordered index (it
 * seeks on the hour range too) and then groups through a temp B-tree, which costs twice as much on a
 * common code; in organization order the sums stream and only the short ORDER BY sorts. PostgreSQL
 * has no hints, and keeps statistics to choose by itself.
 */
export async function codeTopOrgs(code: string, range: TimeRange, limit: number): Promise<{ orgId: string; count: number }[]> {
  const app = await database();
  const hint = forDialect(app, { sqlite: sql`indexed by hourly_rollups_code_org_idx`, postgres: sql`` });
  return selectRows<{ orgId: string; count: number }>(
    app,
    sql`
    select org_id as "orgId", sum(count) as count from hourly_rollups ${hint}
    where code = ${code} and hour >= ${range.from} and hour < ${range.to}
    group by org_id order by count desc, org_id limit ${limit}`,
  );
}

/** Events of one code per minute and organization, from raw events (events_code_occurred_idx). */
export async function codeMinuteCounts(code: string, range: TimeRange): Promise<{ t: number; orgId: string; count: number }[]> {
  const { db, t } = await database();
  const { events } = t;
  const minute = minuteOf(t);
  return db
    .select({ t: minute, orgId: events.orgId, count: eventCount })
    .from(events)
    .where(and(eq(events.code, code), eventsWithin(t, range)))
    .groupBy(minute, events.orgId);
}
