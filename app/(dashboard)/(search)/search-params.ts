import { createLoader, createSerializer, parseAsInteger, parseAsIsoDateTime, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { SEARCH_RANGES, type SearchFilters } from "@/lib/search/search-filters";

/**
 * The search page's whole state lives in the URL (the text and every filter, in the parameter names
 * of `GET /api/v1/events`), so reloading or sharing the link shows the same results.
 */
export const searchPageParams = {
  q: parseAsString.withDefault(""),
  org_id: parseAsString.withDefault(""),
  code: parseAsString.withDefault(""),
  http_status: parseAsInteger,
  service: parseAsString.withDefault(""),
  range: parseAsStringLiteral(SEARCH_RANGES),
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
};

/** Every filter back to "none"; the text stays. */
export const CLEARED_FILTERS = { org_id: null, code: null, http_status: null, service: null, range: null, from: null, to: null } as const;

export const loadSearchPageParams = createLoader(searchPageParams);
export const serializeSearchPage = createSerializer(searchPageParams);

export interface SearchPageState {
  q: string;
  org_id: string;
  code: string;
  http_status: number | null;
  service: string;
  range: (typeof SEARCH_RANGES)[number] | null;
  from: Date | null;
  to: Date | null;
}

/**
 * The filters a URL state stands for. A link carrying only `from`/`to` (as the organization pages
 * write them) is a custom range. The server's prefetch and the client's hook both build it here, so
 * their query keys match and the hydrated answer is used instead of fetched again.
 */
export function toSearchFilters(state: SearchPageState): SearchFilters {
  const custom = state.range === "custom" || (state.range === null && (state.from !== null || state.to !== null));
  const filters: SearchFilters = {};
  if (state.org_id.trim()) filters.orgId = state.org_id.trim();
  if (state.code.trim()) filters.code = state.code.trim();
  if (state.http_status !== null && state.http_status >= 100 && state.http_status <= 599) filters.httpStatus = state.http_status;
  if (state.service.trim()) filters.service = state.service.trim();
  if (custom) {
    filters.range = "custom";
    if (state.from) filters.from = state.from.getTime();
    if (state.to) filters.to = state.to.getTime();
  } else if (state.range) {
    filters.range = state.range;
  }
  return filters;
}
