import "server-only";

import { storedRequestIds, storedRequestIdsWithPrefixes } from "@/db/queries/events";
import { oneEditVariants, prefixVariants } from "./close-ids";
import type { RequestIdCandidate } from "./extract-request-ids";

/** Enough to recognise the right one; more would be guessing. */
const MAX_SUGGESTIONS = 5;

export type CloseIdReason = "one_character" | "different_prefix";

export interface CloseIdSuggestion {
  requestId: string;
  reason: CloseIdReason;
}

async function lookUp(candidate: RequestIdCandidate, variants: readonly string[], limit: number): Promise<string[]> {
  // A truncated id has no exact form to look up: its variants are prefixes of the stored id.
  return candidate.truncated ? storedRequestIdsWithPrefixes(variants, limit) : (await storedRequestIds(variants)).slice(0, limit);
}

/**
 * Stored ids the customer may have meant when what they quoted matches nothing: the same id with
 * the prefix written differently or in the other case (`request_8a3f…`, `REQ_8A3F…`, a bare
 * `8a3f…`), or one character off. Every probe is an index lookup of a generated variant (a few
 * thousand at most), so the cost does not grow with the number of stored events.
 */
export async function suggestCloseIds(candidate: RequestIdCandidate): Promise<CloseIdSuggestion[]> {
  const prefixed = await storedRequestIdsWithPrefixes(prefixVariants(candidate.value), MAX_SUGGESTIONS);
  const suggestions: CloseIdSuggestion[] = prefixed.map((requestId) => ({ requestId, reason: "different_prefix" }));
  const room = MAX_SUGGESTIONS - suggestions.length;
  if (room <= 0) return suggestions;
  for (const requestId of await lookUp(candidate, oneEditVariants(candidate.value), room)) {
    if (!prefixed.includes(requestId)) suggestions.push({ requestId, reason: "one_character" });
  }
  return suggestions;
}
