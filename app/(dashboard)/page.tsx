import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { redirect } from "next/navigation";
import { listEvents } from "@/db/queries/events";
import { EventList } from "@/components/events/event-list";
import { findRequests } from "@/lib/search/find-requests";
import { singleMatch, toEventSummary, toSearchView } from "@/lib/search/search-view";
import { queryKeys } from "@/lib/query-keys";
import { SearchPanel } from "./_components/search-panel";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";

const RECENT_EVENTS = 10;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser();
  const { q } = await searchParams;
  const query = typeof q === "string" ? q : "";
  const queryClient = new QueryClient();
  if (query.trim()) {
    const view = toSearchView(findRequests(query));
    // A shared link to a search that names one request opens that request.
    const single = singleMatch(view);
    if (single) redirect(`/requests/${encodeURIComponent(single.requestId)}`);
    queryClient.setQueryData(queryKeys.requests.search(query), view);
  }
  const recent = listEvents({}, RECENT_EVENTS).events.map(toEventSummary);

  return (
    <>
      <header className="page-header">
        <h1>Find a request</h1>
        <p className="lede muted">Paste what the customer sent. Errata finds the request ids in it and explains what happened.</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SearchPanel initialQuery={query} />
      </HydrationBoundary>
      <section className="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Latest errors</h2>
        {recent.length > 0 ? (
          <EventList events={recent} />
        ) : (
          <p className="empty">
            No events yet. Send one to <code>POST /api/v1/events</code> (see the README), or run{" "}
            <code>npm run errata -- demo</code> for sample traffic.
          </p>
        )}
      </section>
    </>
  );
}
