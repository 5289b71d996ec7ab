import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchRequests } from "@/lib/actions/search-requests";
import { queryKeys } from "@/lib/query-keys";
import { hasActiveFilters, type SearchFilters } from "@/lib/search/search-filters";

export function requestSearchOptions(query: string, filters: SearchFilters) {
  return {
    queryKey: queryKeys.requests.search(query, filters),
    queryFn: () => searchRequests({ query, filters }),
  };
}

/**
 * Stored requests matching what the agent pasted, within the filters (or, with no text, the events
 * the filters select); the previous answer stays while the next loads.
 */
export function useRequestSearch(query: string, filters: SearchFilters) {
  return useQuery({
    ...requestSearchOptions(query, filters),
    enabled: query.trim().length > 0 || hasActiveFilters(filters),
    placeholderData: keepPreviousData,
  });
}
