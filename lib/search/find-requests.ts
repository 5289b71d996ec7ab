import "server-only";

import { findEventByRequestId, findEventsByRequestIdPrefix, listEvents, type StoredEvent } from "@/db/queries/events";
import type { RequestIdRejection } from "@/db/queries/rejected-ingests";
import { rejectionsOfRequestId } from "@/lib/ingest/rejection-lookup";
import { extractRequestIds, type RequestIdCandidate } from "./extract-request-ids";

/** Enough to show that an abbreviation is ambiguous without flooding the page. */
const MATCHES_PER_CANDIDATE = 10;
const TEXT_MATCHES = 20;
/** Refusals shown per unknown id: the latest few tell the story (a sender retrying the same bad batch). */
const REJECTIONS_PER_CANDIDATE = 5;

export interface CandidateMatches {
  candidate: RequestIdCandidate;
  /** "exact" when the whole id is stored; "prefix" when stored ids start with what was given. */
  matchedBy: "exact" | "prefix" | "none";
  events: StoredEvent[];
  /** When no stored event matches: refused submissions that carried this id (or ids starting with it). */
  rejections: RequestIdRejection[];
}

export interface RequestSearchResult {
  query: string;
  candidates: CandidateMatches[];
  /** Events whose code or message contain the text, when the text named no request id. */
  textMatches: StoredEvent[];
}

/** Why an id that was never stored is missing: the refusals of submissions that carried it. */
function rejectionsOf(candidate: RequestIdCandidate): RequestIdRejection[] {
  const exact = candidate.truncated ? [] : rejectionsOfRequestId(candidate.value, { limit: REJECTIONS_PER_CANDIDATE });
  return exact.length > 0 ? exact : rejectionsOfRequestId(candidate.value, { prefix: true, limit: REJECTIONS_PER_CANDIDATE });
}

function matchCandidate(candidate: RequestIdCandidate): CandidateMatches {
  const exact = candidate.truncated ? undefined : findEventByRequestId(candidate.value);
  if (exact) return { candidate, matchedBy: "exact", events: [exact], rejections: [] };
  // Customers often copy part of an id without marking it, so an unknown full id is tried as a prefix too.
  const byPrefix = findEventsByRequestIdPrefix(candidate.value, MATCHES_PER_CANDIDATE);
  if (byPrefix.length > 0) return { candidate, matchedBy: "prefix", events: byPrefix, rejections: [] };
  return { candidate, matchedBy: "none", events: [], rejections: rejectionsOf(candidate) };
}

/** Resolves what a support agent pasted into the stored events it refers to. */
export function findRequests(query: string): RequestSearchResult {
  const trimmed = query.trim();
  const candidates = extractRequestIds(trimmed).map(matchCandidate);
  const textMatches =
    candidates.length === 0 && trimmed.length >= 3 ? listEvents({ text: trimmed.slice(0, 200) }, TEXT_MATCHES).events : [];
  return { query: trimmed, candidates, textMatches };
}
