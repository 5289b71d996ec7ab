"use server";

import { z } from "zod";
import { findRequests } from "@/lib/search/find-requests";
import { toSearchView, type SearchView } from "@/lib/search/search-view";
import { requireActionUser } from "@/lib/session/action-guard";

/** A pasted e-mail thread is long; anything past this is not a ticket. */
const MAX_QUERY_CHARS = 20_000;
const querySchema = z.string().max(MAX_QUERY_CHARS);

/** The dashboard's search as you type. Server actions are public endpoints, so the input is validated. */
export async function searchRequests(query: unknown): Promise<SearchView> {
  await requireActionUser();
  return toSearchView(findRequests(querySchema.parse(query)));
}
