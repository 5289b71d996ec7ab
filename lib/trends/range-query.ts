import { z } from "zod";
import { queryInstant } from "@/lib/events/list-query";
import { bucketCount, chooseBucket, DAY_MS, HOUR_MS, MINUTE_RANGE_LIMIT_MS } from "./buckets";
import { SPIKE_WINDOWS } from "./range-presets";
import type { Bucket, TimeRange } from "./types";

/** Range a trend covers when the request names neither end. */
export const DEFAULT_RANGE_MS = 24 * HOUR_MS;
export const MAX_RANGE_DAYS = 400;
export const MAX_RANGE_MS = MAX_RANGE_DAYS * DAY_MS;
/** Bounds the response size and the rows one request may read. */
export const MAX_BUCKETS = 2_000;

export const BUCKETS = ["minute", "hour", "day"] as const satisfies readonly Bucket[];

export interface TrendRequest {
  range: TimeRange;
  bucket: Bucket;
}

type Problem = { path: "from" | "to" | "bucket"; message: string };

/** Why a range and bucket cannot be served, naming the query parameter at fault; null when fine. */
export function trendRequestProblem(range: TimeRange, bucket: Bucket): Problem | null {
  const length = range.to - range.from;
  if (length <= 0) return { path: "to", message: "must be later than `from`" };
  if (length > MAX_RANGE_MS) return { path: "from", message: `the range may span at most ${MAX_RANGE_DAYS} days` };
  if (bucket === "minute" && length > MINUTE_RANGE_LIMIT_MS) {
    return { path: "bucket", message: "minute buckets need a range of at most 6 hours; use hour or day" };
  }
  const count = bucketCount(range, bucket);
  if (count > MAX_BUCKETS) {
    return { path: "bucket", message: `${count} ${bucket} buckets exceed the limit of ${MAX_BUCKETS}; use a wider bucket` };
  }
  return null;
}

/**
 * Query parameters `from`, `to` (ISO-8601 or epoch ms) and `bucket` of a trend request. Without
 * `to` the range ends now; without `from` it starts 24 hours before its end; without `bucket` the
 * width follows the range (see `chooseBucket`). `clock` is injectable for tests.
 */
export function trendRequestQuery(clock: () => number = () => Date.now()) {
  return z
    .object({
      from: queryInstant.optional(),
      to: queryInstant.optional(),
      bucket: z.enum(BUCKETS).optional(),
    })
    .transform((query, ctx): TrendRequest => {
      const to = query.to ?? clock();
      const range = { from: query.from ?? to - DEFAULT_RANGE_MS, to };
      const bucket = query.bucket ?? chooseBucket(range);
      const problem = trendRequestProblem(range, bucket);
      if (problem) {
        ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
        return z.NEVER;
      }
      return { range, bucket };
    });
}

/** `from`/`to`/`bucket` of `GET /api/v1/orgs/{org_id}/trends`, relative to the current time. */
export const trendQuery = trendRequestQuery();


/** `window` of `GET /api/v1/spikes`: the last hour unless asked for the last 24 hours. */
export const spikesQuery = z.object({ window: z.enum(SPIKE_WINDOWS).default("1h") });
