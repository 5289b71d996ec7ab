/** Width of one chart bucket. Hour and day buckets come from the hourly rollup; minute from raw events. */
export type Bucket = "minute" | "hour" | "day";

/** Half-open time range in epoch milliseconds: `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface TrendPoint {
  /** Start of the bucket, epoch ms (UTC). */
  t: number;
  /** Events per code in the bucket; codes with no events are absent. */
  counts: Record<string, number>;
}

/** Codes over time for one organization: every bucket of the range present, zero-filled. */
export interface Trend extends TimeRange {
  bucket: Bucket;
  series: TrendPoint[];
  totals: Record<string, number>;
}

export interface CodeBreakdownRow {
  code: string;
  /** Most frequent HTTP status for the code in the range. */
  httpStatus: number;
  count: number;
  /** Share of all events of the org in the range, 0..1. */
  share: number;
  /** Count in the previous period of the same length. */
  previousCount: number;
  /** Relative change against the previous period ((count - previous) / previous); null when previous is 0. */
  change: number | null;
}

export interface StatusMixRow {
  httpStatus: number;
  count: number;
  share: number;
}

/** Everything the organization page shows for one range. */
export interface OrgTrendView {
  orgId: string;
  orgName: string | null;
  trend: Trend;
  total: number;
  previous: TimeRange & { total: number };
  codes: CodeBreakdownRow[];
  statusMix: StatusMixRow[];
}

/** One row of the organizations list. */
export interface OrgSummary {
  orgId: string;
  name: string | null;
  /** Events in the 24 hours before `now`. */
  last24h: number;
  /** Events in the 24 hours before that. */
  previous24h: number;
  change: number | null;
  topCode: string | null;
  /** Hourly counts for the last 24 hours, oldest first (24 numbers). */
  sparkline: number[];
}

export type SpikeWindow = "1h" | "24h";

export interface Spike {
  kind: "spike" | "new_code";
  orgId: string;
  code: string;
  httpStatus: number;
  window: SpikeWindow;
  /** The window that was judged. */
  range: TimeRange;
  /** Events in the window. */
  recent: number;
  /** Typical count for such a window (median of the baseline windows). */
  expected: number;
  /** Robust spread of the baseline (scaled MAD, floored). */
  spread: number;
  /** (recent - expected) / spread; Infinity-free: capped for new codes. */
  score: number;
  /** When the code was first seen for this org in the window (new codes), epoch ms. */
  firstSeenAt: number | null;
}

export interface SpikeReport {
  window: SpikeWindow;
  evaluatedAt: number;
  spikes: Spike[];
  newCodes: Spike[];
}

/** Activity of one code across every organization (the catalog page's chart). */
export interface CodeActivity extends TimeRange {
  code: string;
  bucket: Bucket;
  series: { t: number; count: number }[];
  total: number;
  topOrgs: { orgId: string; name: string | null; count: number }[];
}
