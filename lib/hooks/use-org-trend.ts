import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { loadOrgTrend, type OrgTrendRequest } from "@/lib/actions/trends";
import { queryKeys } from "@/lib/query-keys";

/** How often live panels refresh; react-query pauses the interval while the tab is hidden. */
export const LIVE_REFRESH_MS = 60_000;

export function orgTrendOptions(request: OrgTrendRequest) {
  return { queryKey: queryKeys.orgs.trend(request), queryFn: () => loadOrgTrend(request) };
}

/** The organization page's data; a relative range ("last 24 h") slides forward on every refresh. */
export function useOrgTrend(request: OrgTrendRequest) {
  return useQuery({
    ...orgTrendOptions(request),
    placeholderData: keepPreviousData,
    refetchInterval: request.range === "custom" ? false : LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
