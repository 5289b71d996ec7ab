import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { redirect } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { listEvents } from "@/db/queries/events";
import { listOrganizations } from "@/db/queries/organizations";
import { catalogEntries } from "@/lib/catalog";
import { queryKeys } from "@/lib/query-keys";
import { findRequests } from "@/lib/search/find-requests";
import { hasActiveFilters, toEventFilterAt, type SearchFilters } from "@/lib/search/search-filters";
import { singleMatch, toEventSummary, toSearchView, type SearchView } from "@/lib/search/search-view";
import { requirePageUser } from "@/lib/session/current-user";
import type { FilterChoices } from "./_components/search-field-filters";
import { SearchPanel } from "./_components/search-panel";
import { loadSearchPageParams, toSearchFilters } from "./search-params";

export const dynamic = "force-dynamic";

const RECENT_EVENTS = 10;
/** Suggestions offered while typing an organization; the field takes any id beyond these. */
const ORG_CHOICES = 500;

async function filterChoices(): Promise<FilterChoices> {
  return {
    orgs: (await listOrganizations()).slice(0, ORG_CHOICES).map(({ id, name }) => ({ id, name })),
    codes: catalogEntries.map((entry) => entry.code),
  };
}

/** The search a URL names, as of now (relative ranges reach back from the moment of the request). */
async function searchNow(query: string, filters: SearchFilters): Promise<SearchView> {
  return toSearchView(await findRequests(query, toEventFilterAt(filters, Date.now())));
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const state = await loadSearchPageParams(searchParams);
  const filters = toSearchFilters(state);
  const queryClient = new QueryClient();
  if (state.q.trim() || hasActiveFilters(filters)) {
    const view = await searchNow(state.q, filters);
    // A shared link to a search that names one request opens that request; a filtered view is
    // being browsed (and reloaded), so it stays a list.
    const single = hasActiveFilters(filters) ? undefined : singleMatch(view);
    if (single) redirect(`/requests/${encodeURIComponent(single.requestId)}`);
    queryClient.setQueryData(queryKeys.requests.search(state.q, filters), view);
  }
  // Read even when filters are set: clearing them in the browser shows these without a round trip.
  const [page, choices] = await Promise.all([listEvents({}, RECENT_EVENTS), filterChoices()]);
  const recent = page.events.map(toEventSummary);

  return (
    <>
      <header className="page-header">
        <h1>Find a request</h1>
        <p className="lede muted">Paste what the customer sent. Errata finds the request ids in it and explains what happened.</p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SearchPanel recent={recent} choices={choices} />
      </HydrationBoundary>
    </>
  );
}
