import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { spikesOptions } from "@/lib/hooks/use-spikes";
import { SPIKE_RULE_TEXT } from "@/lib/trends/spike-rule";
import { SpikesView } from "./_components/spikes-view";
import { loadSpikeParams } from "./search-params";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Spikes" };

export default async function SpikesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const { window } = await loadSpikeParams(searchParams);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(spikesOptions(window));
  return (
    <>
      <header className="page-header">
        <h1>Spikes</h1>
        <p className="lede muted">Organization and code pairs rising well above their own usual level, worst first.</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SpikesView rule={SPIKE_RULE_TEXT} />
      </HydrationBoundary>
    </>
  );
}
