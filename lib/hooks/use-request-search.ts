import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { searchRequests } from "@/lib/actions/search-requests";
import { queryKeys } from "@/lib/query-keys";

export function requestSearchOptions(query: string) {
  return {
    queryKey: queryKeys.requests.search(query),
    queryFn: () => searchRequests(query),
  };
}

/** Stored requests matching what the agent pasted; the previous answer stays while the next loads. */
export function useRequestSearch(query: string) {
  return useQuery({ ...requestSearchOptions(query), enabled: query.trim().length > 0, placeholderData: keepPreviousData });
}
