import "server-only";

import { findRejectionsOfRequestId, listRejectionCodes, listRejections, type ListedRejection, type RequestIdRejection } from "@/db/queries/rejected-ingests";
import { env } from "@/lib/env";

const DAY_MS = 86_400_000;
/** Rows the admin page lists at once; filters narrow it down from there. */
export const TRAIL_PAGE_SIZE = 200;

/**
 * The oldest time the trail still shows. Pruning runs after refusals are written, so rows past the
 * window may linger on disk while nothing is refused; reads never show them.
 */
export function trailRetentionStart(now: number): number {
  return now - env().ERRATA_TRAIL_RETENTION_DAYS * DAY_MS;
}

/** Refusals of submissions that carried this request id (or, with `prefix`, ids starting with it), newest first. */
export async function rejectionsOfRequestId(requestId: string, options: { prefix?: boolean; limit?: number; now?: number } = {}): Promise<RequestIdRejection[]> {
  return findRejectionsOfRequestId(requestId, { since: trailRetentionStart(options.now ?? Date.now()), limit: options.limit ?? 5, prefix: options.prefix });
}

export interface TrailFilter {
  keyPrefix?: string;
  code?: string;
  requestId?: string;
}

/** The admin page's view of the trail: refusals within the retention window, newest first, and the codes present. */
export async function readTrail(filter: TrailFilter, now = Date.now()): Promise<{ rejections: ListedRejection[]; codes: string[] }> {
  const since = trailRetentionStart(now);
  const [rejections, codes] = await Promise.all([listRejections({ ...filter, since }, TRAIL_PAGE_SIZE), listRejectionCodes(since)]);
  return { rejections, codes };
}
