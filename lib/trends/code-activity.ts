import "server-only";

import { organizationNames } from "@/db/queries/organizations";
import { codeMinuteCounts, codeRollupSeries, codeTopOrgs } from "@/db/queries/rollups";
import { alignRange, fillSeries } from "./buckets";
import { assertServable } from "./org-trends";
import type { Bucket, CodeActivity, TimeRange } from "./types";

export const TOP_ORGS_LIMIT = 10;

function topOrgsFromMinutes(rows: readonly { orgId: string; count: number }[]): { orgId: string; count: number }[] {
  const byOrg = new Map<string, number>();
  for (const row of rows) byOrg.set(row.orgId, (byOrg.get(row.orgId) ?? 0) + row.count);
  return [...byOrg]
    .map(([orgId, count]) => ({ orgId, count }))
    .sort((a, b) => b.count - a.count || a.orgId.localeCompare(b.orgId))
    .slice(0, TOP_ORGS_LIMIT);
}

/**
 * One code across every organization (the catalog page's chart) and the organizations hitting it
 * most. Like `getTrend`, the range is widened to whole buckets; hour and day read the rollup only.
 */
export async function getCodeActivity(code: string, range: TimeRange, bucket: Bucket): Promise<CodeActivity> {
  assertServable(range, bucket);
  const aligned = alignRange(range, bucket);
  let rows: { t: number; count: number }[];
  let top: { orgId: string; count: number }[];
  if (bucket === "minute") {
    const minutes = await codeMinuteCounts(code, aligned);
    rows = minutes;
    top = topOrgsFromMinutes(minutes);
  } else {
    [rows, top] = await Promise.all([codeRollupSeries(code, aligned, bucket), codeTopOrgs(code, aligned, TOP_ORGS_LIMIT)]);
  }
  const series = fillSeries(aligned, bucket, rows.map((row) => ({ t: row.t, counts: { [code]: row.count } }))).map((point) => ({ t: point.t, count: point.counts[code] ?? 0 }));
  const names = await organizationNames(top.map((org) => org.orgId));
  return {
    code,
    bucket,
    ...aligned,
    series,
    total: series.reduce((sum, point) => sum + point.count, 0),
    topOrgs: top.map((org) => ({ orgId: org.orgId, name: names.get(org.orgId) ?? null, count: org.count })),
  };
}
