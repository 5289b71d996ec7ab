import { useQuery } from "@tanstack/react-query";
import { loadSpikes } from "@/lib/actions/trends";
import { queryKeys } from "@/lib/query-keys";
import type { SpikeWindow } from "@/lib/trends/types";
import { LIVE_REFRESH_MS } from "./use-org-trend";

export function spikesOptions(window: SpikeWindow) {
  return { queryKey: queryKeys.spikes.list(window), queryFn: () => loadSpikes(window) };
}

/** What is rising now, refreshed every minute while the tab is visible. */
export function useSpikes(window: SpikeWindow) {
  return useQuery({ ...spikesOptions(window), refetchInterval: LIVE_REFRESH_MS, refetchIntervalInBackground: false });
}
