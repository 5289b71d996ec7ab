import { bucketStart, HOUR_MS } from "./buckets";
import { relativeChange } from "./deltas";
import type { OrgSummary, TimeRange } from "./types";

export const SUMMARY_HOURS = 24;

/**
 * The hours the organizations list reads: the current (partial) hour and the 23 before it make
 * "the last 24 hours", the 24 hours before those make the previous period. Counts are to the hour,
 * so the list and its sparklines come from hourly rollups alone.
 */
export function summaryRanges(now: number): { recent: TimeRange; previous: TimeRange } {
  const end = bucketStart(now, "hour") + HOUR_MS;
  const recent = { from: end - SUMMARY_HOURS * HOUR_MS, to: end };
  return { recent, previous: { from: recent.from - SUMMARY_HOURS * HOUR_MS, to: recent.from } };
}

export interface OrgHourCount {
  orgId: string;
  hour: number;
  count: number;
}

export interface OrgCodeCount {
  orgId: string;
  code: string;
  count: number;
}

/**
 * One row per organization, busiest first (then by id). `hourly` covers both periods of
 * `summaryRanges(now)`; `codes` the recent one.
 */
export function summarizeOrgs(
  orgs: readonly { id: string; name: string | null }[],
  hourly: readonly OrgHourCount[],
  codes: readonly OrgCodeCount[],
  now: number,
): OrgSummary[] {
  const { recent, previous } = summaryRanges(now);
  const summaries = new Map<string, OrgSummary>(
    orgs.map((org) => [
      org.id,
      { orgId: org.id, name: org.name, last24h: 0, previous24h: 0, change: null, topCode: null, sparkline: Array<number>(SUMMARY_HOURS).fill(0) },
    ]),
  );
  for (const row of hourly) {
    const summary = summaries.get(row.orgId);
    if (!summary) continue;
    if (row.hour >= recent.from && row.hour < recent.to) {
      summary.last24h += row.count;
      const slot = (row.hour - recent.from) / HOUR_MS;
      summary.sparkline[slot] = (summary.sparkline[slot] ?? 0) + row.count;
    } else if (row.hour >= previous.from && row.hour < previous.to) {
      summary.previous24h += row.count;
    }
  }
  const topCounts = new Map<string, number>();
  for (const row of codes) {
    const summary = summaries.get(row.orgId);
    const best = topCounts.get(row.orgId) ?? 0;
    if (!summary || row.count <= 0 || row.count < best) continue;
    if (row.count > best || (summary.topCode !== null && row.code < summary.topCode)) {
      summary.topCode = row.code;
      topCounts.set(row.orgId, row.count);
    }
  }
  return [...summaries.values()]
    .map((summary) => ({ ...summary, change: relativeChange(summary.last24h, summary.previous24h) }))
    .sort((a, b) => b.last24h - a.last24h || a.orgId.localeCompare(b.orgId));
}
