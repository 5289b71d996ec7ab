import "server-only";

import { and, asc, desc, eq, gt, gte, lt, lte, or, sql } from "drizzle-orm";
import { HOUR_MS } from "@/lib/trends/buckets";
import type { TimeRange } from "@/lib/trends/types";
import { database, type Tables } from "../client";
import { selectRows } from "../raw";

/** What a neighbour list shows of an event. */
export interface NeighbourEvent {
  requestId: string;
  code: string;
  httpStatus: number;
  occurredAt: number;
}

export interface NeighbourWindow {
  /** Nearest first, at most `perSide`. */
  earlier: NeighbourEvent[];
  /** Nearest first, at most `perSide`; events at the very same millisecond stored after it count as later. */
  later: NeighbourEvent[];
  /** Events of the organization in the whole window, the given one included. */
  total: number;
}

function neighbourColumns({ events }: Tables) {
  return { requestId: events.requestId, code: events.code, httpStatus: events.httpStatus, occurredAt: events.occurredAt };
}

/**
 * The organization's other events within `radiusMs` of one event (both edges included), the
 * nearest on each side. Each side is a range of events_org_occurred_idx read in index order up to
 * its limit, so a busy minute costs no more than a quiet one; the total is an index-only count.
 */
export async function eventsAround(event: { id: number; orgId: string; occurredAt: number }, radiusMs: number, perSide: number): Promise<NeighbourWindow> {
  const { db, t } = await database();
  const { events } = t;
  const from = event.occurredAt - radiusMs;
  const to = event.occurredAt + radiusMs;
  const sameOrg = eq(events.orgId, event.orgId);
  const sameTime = eq(events.occurredAt, event.occurredAt);
  const earlier = await db
    .select(neighbourColumns(t))
    .from(events)
    .where(and(sameOrg, gte(events.occurredAt, from), lte(events.occurredAt, event.occurredAt), or(lt(events.occurredAt, event.occurredAt), lt(events.id, event.id))))
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(perSide);
  const later = await db
    .select(neighbourColumns(t))
    .from(events)
    .where(and(sameOrg, gte(events.occurredAt, event.occurredAt), lte(events.occurredAt, to), or(gt(events.occurredAt, event.occurredAt), and(sameTime, gt(events.id, event.id)))))
    .orderBy(asc(events.occurredAt), asc(events.id))
    .limit(perSide);
  const [total] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(events)
    .where(and(sameOrg, gte(events.occurredAt, from), lte(events.occurredAt, to)));
  return { earlier, later, total: total?.n ?? 0 };
}

/**
 * Exact count of one organization's events with one code in a range ending now: raw events up to
 * the first hour boundary (at most an hour of the org or code index on events), whole hourly rollups after it
 * (hourly_rollups_code_org_idx, index-only). The last rollup hour is exact because nothing after
 * now exists yet; a week of a busy code is ~170 small rows instead of every event.
 */
export async function orgCodeCount(orgId: string, code: string, range: TimeRange): Promise<number> {
  const app = await database();
  const { events, hourlyRollups } = app.t;
  const edge = Math.min(Math.ceil(range.from / HOUR_MS) * HOUR_MS, range.to);
  const [row] = await selectRows<{ n: number }>(
    app,
    sql`
    select (select count(*) from ${events}
            where ${events.orgId} = ${orgId} and ${events.occurredAt} >= ${range.from} and ${events.occurredAt} < ${edge} and ${events.code} = ${code})
         + (select coalesce(sum(${hourlyRollups.count}), 0) from ${hourlyRollups}
            where ${hourlyRollups.code} = ${code} and ${hourlyRollups.orgId} = ${orgId} and ${hourlyRollups.hour} >= ${edge} and ${hourlyRollups.hour} < ${range.to}) as n`,
  );
  return Number(row?.n ?? 0);
}
