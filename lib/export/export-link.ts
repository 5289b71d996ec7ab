import type { EventFilter } from "@/db/queries/events";
import type { ExportFormat } from "@/lib/events/list-query";

export const EXPORT_PATH = "/api/v1/events/export";

/**
 * The query string that stands for a filter, in the parameter names of `GET /api/v1/events` (which
 * the export shares). Times are written as ISO-8601 so a copied link can be read.
 */
export function eventFilterParams(filter: EventFilter): URLSearchParams {
  const params = new URLSearchParams();
  const entries: [string, string | number | undefined][] = [
    ["request_id_prefix", filter.requestIdPrefix],
    ["org_id", filter.orgId],
    ["code", filter.code],
    ["http_status", filter.httpStatus],
    ["service", filter.service],
    ["from", filter.from === undefined ? undefined : new Date(filter.from).toISOString()],
    ["to", filter.to === undefined ? undefined : new Date(filter.to).toISOString()],
    ["q", filter.text],
  ];
  for (const [name, value] of entries) if (value !== undefined && value !== "") params.set(name, String(value));
  return params;
}

/** Where the browser downloads every event matching `filter` in `format`. */
export function exportHref(format: ExportFormat, filter: EventFilter): string {
  const params = eventFilterParams(filter);
  params.set("format", format);
  return `${EXPORT_PATH}?${params}`;
}
