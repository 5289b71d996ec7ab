import "server-only";

import { findEventByRequestId, findEventsByRequestIdPrefix, listEvents, type StoredEvent } from "@/db/queries/events";
import { extractRequestIds, type RequestIdCandidate } from "./extract-request-ids";

/** Enough to show that an abbreviation is ambiguous without flooding the page. */
const MATCHES_PER_CANDIDATE = 10;
const TEXT_MATCHES = 20;

export interface CandidateMatches {
  candidate: RequestIdCandidate;
  /** "exact" when the whole id is stored; "prefix" when stored ids start with what was given. */
  matchedBy: "exact" | "prefix" | "none";
  events: StoredEvent[];
}

export interface RequestSearchResult {
  query: string;
  candidates: CandidateMatches[];
  /** Events whose code or message contain the text, when the text named no request id. */
  textMatches: StoredEvent[];
}

function matchCandidate(candidate: RequestIdCandidate): CandidateMatches {
  const exact = candidate.truncated ? undefined : findEventByRequestId(candidate.value);
  if (exact) return { candidate, matchedBy: "exact", events: [exact] };
  // Customers often copy part of an id without marking it, so an unknown full id is tried as a prefix too.
  const byPrefix = findEventsByRequestIdPrefix(candidate.value, MATCHES_PER_CANDIDATE);
  return { candidate, matchedBy: byPrefix.length > 0 ? "prefix" : "none", events: byPrefix };
}

/** Resolves what a support agent pasted into the stored events it refers to. */
export function findRequests(query: string): RequestSearchResult {
  const trimmed = query.trim();
  const candidates = extractRequestIds(trimmed).map(matchCandidate);
  const textMatches =
    candidates.length === 0 && trimmed.length >= 3 ? listEvents({ text: trimmed.slice(0, 200) }, TEXT_MATCHES).events : [];
  return { query: trimmed, candidates, textMatches };
}
