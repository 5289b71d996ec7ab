import { serializeOrgView } from "@/app/(dashboard)/orgs/[org_id]/search-params";
import type { TimeRange } from "@/lib/trends/types";

const orgPath = (orgId: string) => `/orgs/${encodeURIComponent(orgId)}`;

/** The organization's stored requests in a half-open range, optionally of one code (newest first). */
export function orgEventsHref(orgId: string, range: TimeRange, code?: string): string {
  const params = new URLSearchParams({ from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() });
  if (code) params.set("code", code);
  return `${orgPath(orgId)}/events?${params}`;
}

/**
 * The organization chart over a fixed range in days with only `code` drawn: the chart has no
 * single-code filter, so every other code of the range is switched off in the legend.
 */
export function orgCodeChartHref(orgId: string, range: TimeRange, otherCodes: readonly string[]): string {
  return serializeOrgView(orgPath(orgId), {
    range: "custom",
    from: new Date(range.from),
    to: new Date(range.to),
    bucket: "day",
    hidden: [...otherCodes],
  });
}
