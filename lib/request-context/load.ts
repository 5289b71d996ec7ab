import "server-only";

import { eventsAround, orgCodeCount } from "@/db/queries/event-context";
import type { StoredEvent } from "@/db/queries/events";
import { orgCodeStatusTotals } from "@/db/queries/rollups";
import { bucketStart, DAY_MS } from "@/lib/trends/buckets";
import { findSpikes } from "@/lib/trends/spikes";
import type { SpikeWindow, TimeRange } from "@/lib/trends/types";
import { matchSpike, type SpikeMatch } from "./spike-match";
import { toTimeline, type TimelineEntry } from "./timeline";

/** How far either side of the request the neighbour list looks. */
export const NEIGHBOUR_RADIUS_MS = 15 * 60_000;
/** Neighbours listed on each side; the rest are counted and linked. */
export const NEIGHBOURS_PER_SIDE = 5;
/** How far back "how often does this organization hit this code" looks. */
export const CODE_HISTORY_MS = 7 * DAY_MS;

export interface RequestContext {
  around: {
    /** Both edges included. */
    range: TimeRange;
    timeline: TimelineEntry[];
    /** Other events of the organization in the range, listed or not. */
    others: number;
  };
  codeHistory: {
    range: TimeRange;
    count: number;
    /** The organization's other codes in the range: hidden on the chart the count links to. */
    otherCodes: string[];
  };
  spike: SpikeMatch | null;
  spikeWindowsChecked: SpikeWindow[];
}

/**
 * The 24-hour spike check costs far more than the 1-hour one (bench/README.md), so it runs only
 * when it can still say something the hour cannot: the request is within the last 24 hours and
 * does not already belong to a spike of the last hour.
 */
async function currentSpike(event: StoredEvent, now: number): Promise<{ spike: SpikeMatch | null; windows: SpikeWindow[] }> {
  const reports = [await findSpikes("1h", now)];
  if (!matchSpike(reports, event)?.includesThis && event.occurredAt >= now - DAY_MS) reports.push(await findSpikes("24h", now));
  return { spike: matchSpike(reports, event), windows: reports.map((report) => report.window) };
}

/** What was going on around a request: its organization's other errors, this code's week, a spike. */
export async function loadRequestContext(event: StoredEvent, now: number = Date.now()): Promise<RequestContext> {
  const week = { from: now - CODE_HISTORY_MS, to: now };
  const [window, weekTotals, codeCount, { spike, windows }] = await Promise.all([
    eventsAround(event, NEIGHBOUR_RADIUS_MS, NEIGHBOURS_PER_SIDE),
    orgCodeStatusTotals(event.orgId, { from: bucketStart(week.from, "hour"), to: week.to }),
    orgCodeCount(event.orgId, event.code, week),
    currentSpike(event, now),
  ]);
  const codes = new Set(weekTotals.map((row) => row.code));
  codes.delete(event.code);
  return {
    around: {
      range: { from: event.occurredAt - NEIGHBOUR_RADIUS_MS, to: event.occurredAt + NEIGHBOUR_RADIUS_MS },
      timeline: toTimeline(event, window),
      others: Math.max(window.total - 1, 0),
    },
    codeHistory: { range: week, count: codeCount, otherCodes: [...codes].sort() },
    spike,
    spikeWindowsChecked: windows,
  };
}
