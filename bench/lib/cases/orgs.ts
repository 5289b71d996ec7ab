import { getCodeActivity } from "@/lib/trends/code-activity";
import { listOrgSummaries } from "@/lib/trends/org-trends";
import type { CodeActivity, OrgSummary, TimeRange } from "@/lib/trends/types";
import { addTo } from "../check";
import { DAY, HOUR, type OrgCodeTimeCount, type RawQueries } from "../raw";
import type { Case } from "./case";
import { wholeBuckets } from "./trend";

/** The catalog page lists the ten organizations hitting a code most. */
const TOP_ORGS = 10;

interface RawSummaries {
  orgs: { id: string; name: string | null }[];
  rows: OrgCodeTimeCount[];
}

/** (c) The organizations list: per org×code×hour counts of the last 48 hours from raw events. */
export function orgListCase(raw: RawQueries, now: number): Case<OrgSummary[], RawSummaries> {
  // "Last 24 hours" is the current hour and the 23 before it, as the list documents.
  const end = now - (now % HOUR) + HOUR;
  const recentFrom = end - 24 * HOUR;
  return {
    answer: "listOrgSummaries (/orgs, 200 orgs, 48 h)",
    service: () => listOrgSummaries(now),
    raw: () => ({ orgs: raw.organizations(), rows: raw.allOrgsHourly({ from: end - 48 * HOUR, to: end }) }),
    check(list, { orgs, rows }, checker) {
      checker.equal("org list length", list.length, orgs.length);
      const expected = new Map<string, number>();
      const codeCounts = new Map<string, Map<string, number>>();
      for (const row of rows) {
        if (row.t >= recentFrom) {
          addTo(expected, `${row.orgId} last24h`, row.n);
          addTo(expected, `${row.orgId} spark ${(row.t - recentFrom) / HOUR}`, row.n);
          const codes = codeCounts.get(row.orgId) ?? new Map<string, number>();
          addTo(codes, row.code, row.n);
          codeCounts.set(row.orgId, codes);
        } else {
          addTo(expected, `${row.orgId} previous24h`, row.n);
        }
      }
      const actual = new Map<string, number>();
      for (const summary of list) {
        actual.set(`${summary.orgId} last24h`, summary.last24h);
        actual.set(`${summary.orgId} previous24h`, summary.previous24h);
        summary.sparkline.forEach((n, slot) => actual.set(`${summary.orgId} spark ${slot}`, n));
        checker.equal(`${summary.orgId} sparkline length`, summary.sparkline.length, 24);
      }
      checker.counts("org list counts (last 24 h, previous 24 h, sparkline)", actual, expected);
      const wrongTop: string[] = [];
      for (const summary of list) {
        // Most events wins; a tie goes to the code that sorts first.
        const ranked = [...(codeCounts.get(summary.orgId) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const top = ranked[0]?.[0] ?? null;
        if (summary.topCode !== top) wrongTop.push(`${summary.orgId}: ${summary.topCode} vs ${top}`);
      }
      if (wrongTop.length > 0) checker.fail(`org list top codes: ${wrongTop.length} differ (service vs raw), e.g. ${wrongTop.slice(0, 5).join("; ")}`);
      const sorted = list.every((summary, index) => index === 0 || list[index - 1]!.last24h >= summary.last24h);
      checker.equal("org list sorted busiest first", sorted, true);
    },
  };
}

/** (d) A code's activity across organizations (catalog page): series, total and top 10 orgs. */
export function codeActivityCase(raw: RawQueries, code: string, range: TimeRange, bucket: "hour" | "day"): Case<CodeActivity, OrgCodeTimeCount[]> {
  const aligned = wholeBuckets(range, bucket);
  const width = bucket === "hour" ? HOUR : DAY;
  return {
    answer: `getCodeActivity ${code}, 30 d ${bucket === "hour" ? "hourly" : "daily"}`,
    service: () => getCodeActivity(code, range, bucket),
    raw: () => raw.code(code, aligned, bucket),
    check(activity, rows, checker) {
      checker.equal(`${code} buckets`, activity.series.length, (aligned.to - aligned.from) / width);
      const series = new Map<string, number>();
      const byOrg = new Map<string, number>();
      for (const row of rows) {
        addTo(series, String(row.t), row.n);
        addTo(byOrg, row.orgId, row.n);
      }
      checker.counts(`${code} series`, new Map(activity.series.map((point) => [String(point.t), point.count])), series);
      checker.equal(`${code} total`, activity.total, rows.reduce((sum, row) => sum + row.n, 0));
      const wanted = [...byOrg].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_ORGS);
      const diffs = wanted.flatMap(([orgId, n], rank) => {
        const got = activity.topOrgs[rank];
        return got?.orgId === orgId && got.count === n ? [] : [`#${rank + 1} service ${got?.orgId}=${got?.count} raw ${orgId}=${n}`];
      });
      checker.equal(`${code} top organizations listed`, activity.topOrgs.length, wanted.length);
      if (diffs.length > 0) checker.fail(`${code} top organizations: ${diffs.slice(0, 3).join("; ")}`);
    },
  };
}
