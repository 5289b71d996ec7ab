import "server-only";

import { listOrganizations, getOrganization } from "@/db/queries/organizations";
import { orgCodeCounts, orgCodeStatusTotals, orgHourlyCounts, orgMinuteCounts, orgRollupSeries } from "@/db/queries/rollups";
import { alignRange, fillSeries, pointsFromRows, totalsByCode } from "./buckets";
import { codeBreakdown, previousRange, statusMix, sumCounts, type CodeStatusCount } from "./deltas";
import { summarizeOrgs, summaryRanges } from "./org-summary";
import { trendRequestProblem } from "./range-query";
import type { Bucket, OrgSummary, OrgTrendView, TimeRange, Trend } from "./types";

/** Refuses what the API would refuse, so a page bug cannot start a 400-day minute scan. */
export function assertServable(range: TimeRange, bucket: Bucket): void {
  const problem = trendRequestProblem(range, bucket);
  if (problem) throw new RangeError(`cannot serve ${bucket} buckets for this range: ${problem.path} ${problem.message}`);
}

function collapseStatuses(rows: readonly CodeStatusCount[]): CodeStatusCount[] {
  const byKey = new Map<string, CodeStatusCount>();
  for (const row of rows) {
    const key = `${row.code} ${row.httpStatus}`;
    const entry = byKey.get(key) ?? { code: row.code, httpStatus: row.httpStatus, count: 0 };
    entry.count += row.count;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Counts per code and status for a whole-bucket range: raw events for minutes, rollups otherwise. */
async function codeStatusTotals(orgId: string, range: TimeRange, bucket: Bucket): Promise<CodeStatusCount[]> {
  return bucket === "minute" ? collapseStatuses(await orgMinuteCounts(orgId, range)) : orgCodeStatusTotals(orgId, range);
}

async function readTrend(orgId: string, range: TimeRange, bucket: Bucket, withStatuses: boolean): Promise<{ trend: Trend; codeStatus: CodeStatusCount[] }> {
  assertServable(range, bucket);
  const aligned = alignRange(range, bucket);
  let series;
  let codeStatus: CodeStatusCount[];
  if (bucket === "minute") {
    const rows = await orgMinuteCounts(orgId, aligned);
    series = fillSeries(aligned, bucket, pointsFromRows(rows));
    codeStatus = collapseStatuses(rows);
  } else {
    const [rollups, totals] = await Promise.all([orgRollupSeries(orgId, aligned, bucket), withStatuses ? orgCodeStatusTotals(orgId, aligned) : []]);
    series = fillSeries(aligned, bucket, rollups);
    codeStatus = totals;
  }
  return { trend: { bucket, ...aligned, series, totals: totalsByCode(series) }, codeStatus };
}

/**
 * Codes over time for one organization, or null when no event ever named it. The range is widened
 * to whole buckets (`from`/`to` of the answer say which) and every bucket counts all of its events;
 * hour and day buckets read only the hourly rollup, minute buckets (ranges up to 6 hours) raw events.
 */
export async function getTrend(orgId: string, range: TimeRange, bucket: Bucket): Promise<Trend | null> {
  if (!(await getOrganization(orgId))) return null;
  return (await readTrend(orgId, range, bucket, false)).trend;
}

/** Everything the organization page shows: the trend, codes against the previous period, status mix. */
export async function getOrgTrendView(orgId: string, range: TimeRange, bucket: Bucket): Promise<OrgTrendView | null> {
  const org = await getOrganization(orgId);
  if (!org) return null;
  const { trend, codeStatus } = await readTrend(orgId, range, bucket, true);
  // The previous period of the widened range, so the two never share a bucket.
  const previous = previousRange(trend);
  const before = await codeStatusTotals(orgId, previous, bucket);
  return {
    orgId,
    orgName: org.name,
    trend,
    total: sumCounts(codeStatus),
    previous: { ...previous, total: sumCounts(before) },
    codes: codeBreakdown(codeStatus, before),
    statusMix: statusMix(codeStatus),
  };
}

/** Every organization with its last 24 hours (to the hour), busiest first: only the current hour is read from SQL. */
export async function listOrgSummaries(now: number = Date.now()): Promise<OrgSummary[]> {
  const { recent, previous } = summaryRanges(now);
  const [organizations, hourly, codes] = await Promise.all([listOrganizations(), orgHourlyCounts({ from: previous.from, to: recent.to }, now), orgCodeCounts(recent, now)]);
  return summarizeOrgs(organizations, hourly, codes, now);
}
