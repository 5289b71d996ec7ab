import { SPIKE_RULE_TEXT } from "./spike-rule";
import type { OrgSummary, Spike, SpikeReport, Trend } from "./types";

/*
 * The public API's shapes: snake_case fields and ISO-8601 times (UTC), as ../shared/API.md shows.
 * Pure, so pages that want the API's exact shape can use them too.
 */

const iso = (time: number) => new Date(time).toISOString();

/** `GET /api/v1/orgs/{org_id}/trends`. */
export function toTrendJson(trend: Trend) {
  return {
    bucket: trend.bucket,
    from: iso(trend.from),
    to: iso(trend.to),
    series: trend.series.map((point) => ({ t: iso(point.t), counts: point.counts })),
    totals: trend.totals,
  };
}

export function toSpikeJson(spike: Spike) {
  return {
    kind: spike.kind,
    org_id: spike.orgId,
    code: spike.code,
    http_status: spike.httpStatus,
    window: spike.window,
    from: iso(spike.range.from),
    to: iso(spike.range.to),
    recent: spike.recent,
    expected: spike.expected,
    spread: spike.spread,
    score: spike.score,
    first_seen_at: spike.firstSeenAt === null ? null : iso(spike.firstSeenAt),
  };
}

/** `GET /api/v1/spikes`, with the rule in words so a reader can check the verdicts. */
export function toSpikeReportJson(report: SpikeReport) {
  return {
    window: report.window,
    evaluated_at: iso(report.evaluatedAt),
    rule: SPIKE_RULE_TEXT,
    spikes: report.spikes.map(toSpikeJson),
    new_codes: report.newCodes.map(toSpikeJson),
  };
}

/** One row of `GET /api/v1/orgs`. */
export function toOrgSummaryJson(summary: OrgSummary) {
  return {
    org_id: summary.orgId,
    name: summary.name,
    last_24h: summary.last24h,
    previous_24h: summary.previous24h,
    change: summary.change,
    top_code: summary.topCode,
    sparkline: summary.sparkline,
  };
}
