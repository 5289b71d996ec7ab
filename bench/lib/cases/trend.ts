import { getOrgTrendView, getTrend } from "@/lib/trends/org-trends";
import type { OrgTrendView, TimeRange, Trend } from "@/lib/trends/types";
import { addTo, type Checker } from "../check";
import { DAY, HOUR, type CodeTimeCount, type RawQueries } from "../raw";
import type { Case } from "./case";

type Width = "hour" | "day";
const WIDTH: Record<Width, number> = { hour: HOUR, day: DAY };

/** Whole buckets around a range, computed here independently of lib/trends/buckets. */
export function wholeBuckets(range: TimeRange, bucket: Width): TimeRange {
  const width = WIDTH[bucket];
  const last = range.to - 1;
  return { from: range.from - (range.from % width), to: last - (last % width) + width };
}

function seriesCounts(series: Trend["series"]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const point of series) for (const [code, n] of Object.entries(point.counts)) addTo(counts, `${point.t} ${code}`, n);
  return counts;
}

function checkShape(label: string, trend: Trend | undefined, aligned: TimeRange, width: number, checker: Checker): void {
  checker.equal(`${label} from`, trend?.from, aligned.from);
  checker.equal(`${label} to`, trend?.to, aligned.to);
  checker.equal(`${label} bucket count (zero-filled)`, trend?.series.length, (aligned.to - aligned.from) / width);
}

/** (a) The API's 30-day hourly trend: getTrend against the brief's GROUP BY code, hour. */
export function trendCase(raw: RawQueries, orgId: string, range: TimeRange): Case<Trend | null, { code: string; t: number; n: number }[]> {
  const aligned = wholeBuckets(range, "hour");
  return {
    answer: `getTrend, largest org, 30 d hourly (${(aligned.to - aligned.from) / HOUR} buckets)`,
    service: () => getTrend(orgId, range, "hour"),
    raw: () => raw.orgHourly(orgId, aligned),
    check(trend, rows, checker) {
      checkShape("trend", trend ?? undefined, aligned, HOUR, checker);
      const expected = new Map<string, number>();
      const totals = new Map<string, number>();
      for (const row of rows) {
        addTo(expected, `${row.t} ${row.code}`, row.n);
        addTo(totals, row.code, row.n);
      }
      checker.counts("trend series (bucket × code)", seriesCounts(trend?.series ?? []), expected);
      checker.counts("trend totals per code", new Map(Object.entries(trend?.totals ?? {})), totals);
    },
  };
}

/** The dominant status with the lower status winning a tie, as the page documents. */
function dominant(byStatus: Map<number, number>): number {
  let best = [0, -1] as [number, number];
  for (const [status, n] of byStatus) if (n > best[1] || (n === best[1] && status < best[0])) best = [status, n];
  return best[0];
}

/** (a') The organization page: trend, totals, previous period, code table and status mix. */
export function orgViewCase(raw: RawQueries, orgId: string, range: TimeRange, bucket: Width, label: string): Case<OrgTrendView | null, CodeTimeCount[]> {
  const aligned = wholeBuckets(range, bucket);
  const previous = { from: aligned.from - (aligned.to - aligned.from), to: aligned.from };
  return {
    answer: label,
    service: () => getOrgTrendView(orgId, range, bucket),
    raw: () => raw.orgByStatus(orgId, { from: previous.from, to: aligned.to }, bucket),
    check(view, rows, checker) {
      checkShape("view trend", view?.trend, aligned, WIDTH[bucket], checker);
      const series = new Map<string, number>();
      const codes = new Map<string, { now: number; before: number; nowStatus: Map<number, number>; beforeStatus: Map<number, number> }>();
      const statuses = new Map<string, number>();
      let total = 0;
      let before = 0;
      for (const row of rows) {
        const entry = codes.get(row.code) ?? { now: 0, before: 0, nowStatus: new Map(), beforeStatus: new Map() };
        codes.set(row.code, entry);
        if (row.t >= aligned.from) {
          addTo(series, `${row.t} ${row.code}`, row.n);
          addTo(statuses, String(row.httpStatus), row.n);
          entry.now += row.n;
          entry.nowStatus.set(row.httpStatus, (entry.nowStatus.get(row.httpStatus) ?? 0) + row.n);
          total += row.n;
        } else {
          entry.before += row.n;
          entry.beforeStatus.set(row.httpStatus, (entry.beforeStatus.get(row.httpStatus) ?? 0) + row.n);
          before += row.n;
        }
      }
      checker.counts("view series (bucket × code)", seriesCounts(view?.trend.series ?? []), series);
      checker.equal("view total", view?.total, total);
      checker.equal("view previous total", view?.previous.total, before);
      checker.equal("view previous range", `${view?.previous.from}..${view?.previous.to}`, `${previous.from}..${previous.to}`);
      const serviceCodes = new Map<string, number>();
      const expectedCodes = new Map<string, number>();
      for (const row of view?.codes ?? []) {
        serviceCodes.set(`${row.code} count`, row.count);
        serviceCodes.set(`${row.code} previous`, row.previousCount);
        serviceCodes.set(`${row.code} status`, row.httpStatus);
      }
      for (const [code, entry] of codes) {
        expectedCodes.set(`${code} count`, entry.now);
        expectedCodes.set(`${code} previous`, entry.before);
        expectedCodes.set(`${code} status`, dominant(entry.now > 0 ? entry.nowStatus : entry.beforeStatus));
      }
      checker.counts("view code table (count, previous, status)", serviceCodes, expectedCodes);
      checker.counts("view status mix", new Map((view?.statusMix ?? []).map((row) => [String(row.httpStatus), row.count])), statuses);
    },
  };
}
