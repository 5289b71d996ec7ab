"use server";

import { z } from "zod";
import { findRequests } from "@/lib/search/find-requests";
import { searchFiltersSchema, toEventFilterAt } from "@/lib/search/search-filters";
import { toSearchView, type SearchView } from "@/lib/search/search-view";
import { requireActionUser } from "@/lib/session/action-guard";

/** A pasted e-mail thread is long; anything past this is not a ticket. */
const MAX_QUERY_CHARS = 20_000;
const searchInput = z.object({ query: z.string().max(MAX_QUERY_CHARS), filters: searchFiltersSchema.optional() });

/**
 * The dashboard's search as you type, within the page's filters. Server actions are public
 * endpoints, so the input is validated; relative ranges are resolved against the server's clock.
 */
export async function searchRequests(input: unknown): Promise<SearchView> {
  await requireActionUser();
  const { query, filters } = searchInput.parse(input);
  return toSearchView(await findRequests(query, toEventFilterAt(filters ?? {}, Date.now())));
}
