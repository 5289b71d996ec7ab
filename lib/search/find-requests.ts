import "server-only";

import { findEventByRequestId, findEventsByRequestIdPrefix, listEvents, oldestEventOccurredAt, type EventFilter, type StoredEvent } from "@/db/queries/events";
import type { RequestIdRejection } from "@/db/queries/rejected-ingests";
import { findPrunedEvent, findPrunedEventsByPrefix, type PrunedEvent } from "@/db/queries/retention";
import { env } from "@/lib/env";
import { rejectionsOfRequestId } from "@/lib/ingest/rejection-lookup";
import { extractRequestIds, type RequestIdCandidate } from "./extract-request-ids";
import { FILTER_MATCH_LIMIT } from "./search-filters";
import { suggestCloseIds, type CloseIdSuggestion } from "./suggest-close-ids";

/** Enough to show that an abbreviation is ambiguous without flooding the page. */
const MATCHES_PER_CANDIDATE = 10;
const TEXT_MATCHES = 20;
/** Refusals shown per unknown id: the latest few tell the story (a sender retrying the same bad batch). */
const REJECTIONS_PER_CANDIDATE = 5;
/** Ids of one paste (the first ones) that may get look-alike suggestions: a long thread should not cost thousands of probes per id. */
const SUGGESTED_CANDIDATES = 10;

export interface CandidateMatches {
  candidate: RequestIdCandidate;
  /** "exact" when the whole id is stored; "prefix" when stored ids start with what was given. */
  matchedBy: "exact" | "prefix" | "none";
  events: StoredEvent[];
  /** When nothing matches within the filters: stored events with this id (or ids starting with it) that the filters hide. */
  hiddenByFilters: StoredEvent[];
  /** When no stored event matches: the retention deleted this id's event (or those of ids starting with it). */
  pruned: PrunedEvent[];
  /** When no stored event matches: refused submissions that carried this id (or ids starting with it). */
  rejections: RequestIdRejection[];
  /** When no stored event matches: stored ids the customer may have meant. */
  closeIds: CloseIdSuggestion[];
}

export interface RequestSearchResult {
  query: string;
  /** The filter the search ran with, relative ranges resolved: what an export of these results uses. */
  filter: EventFilter;
  candidates: CandidateMatches[];
  /** Events whose code or message contain the text, when the text named no request id. */
  textMatches: StoredEvent[];
  /** Events matching the filters, newest first, when there is no text to search. */
  filterMatches: StoredEvent[];
  /** When some id matched nothing: the time of the oldest stored event (null if none is stored), since older ids cannot be here. */
  oldestEventAt?: number | null;
  /** Days events are kept (ERRATA_RETENTION_DAYS), for the help about ids that are not here. */
  retentionDays: number;
}

/** Why an id that was never stored is missing: the refusals of submissions that carried it. */
async function rejectionsOf(candidate: RequestIdCandidate): Promise<RequestIdRejection[]> {
  const exact = candidate.truncated ? [] : await rejectionsOfRequestId(candidate.value, { limit: REJECTIONS_PER_CANDIDATE });
  return exact.length > 0 ? exact : rejectionsOfRequestId(candidate.value, { prefix: true, limit: REJECTIONS_PER_CANDIDATE });
}

/** Tombstones of the id, or of ids starting with it: the retention deleted their events. */
async function prunedOf(candidate: RequestIdCandidate): Promise<PrunedEvent[]> {
  const exact = candidate.truncated ? undefined : await findPrunedEvent(candidate.value);
  return exact ? [exact] : findPrunedEventsByPrefix(candidate.value, MATCHES_PER_CANDIDATE);
}

/** The id's events within the filter: the whole id when stored, else ids starting with it. */
async function eventsOf(candidate: RequestIdCandidate, filter: EventFilter): Promise<Pick<CandidateMatches, "matchedBy" | "events">> {
  const exact = candidate.truncated ? undefined : await findEventByRequestId(candidate.value, filter);
  if (exact) return { matchedBy: "exact", events: [exact] };
  // Customers often copy part of an id without marking it, so an unknown full id is tried as a prefix too.
  const byPrefix = await findEventsByRequestIdPrefix(candidate.value, MATCHES_PER_CANDIDATE, filter);
  return { matchedBy: byPrefix.length > 0 ? "prefix" : "none", events: byPrefix };
}

async function matchCandidate(candidate: RequestIdCandidate, filter: EventFilter, filtered: boolean, suggest: boolean): Promise<CandidateMatches> {
  const found = await eventsOf(candidate, filter);
  const none = { hiddenByFilters: [], pruned: [], rejections: [], closeIds: [] };
  if (found.matchedBy !== "none") return { candidate, ...found, ...none };
  const hidden = filtered ? (await eventsOf(candidate, {})).events : [];
  if (hidden.length > 0) return { candidate, ...found, ...none, hiddenByFilters: hidden };
  const pruned = await prunedOf(candidate);
  if (pruned.length > 0) return { candidate, ...found, ...none, pruned };
  const [rejections, closeIds] = await Promise.all([rejectionsOf(candidate), suggest ? suggestCloseIds(candidate) : []]);
  return { candidate, ...found, ...none, rejections, closeIds };
}

/**
 * Resolves what a support agent pasted into the stored events it refers to, within `filter`; when an
 * id matches nothing, gathers why: filters hiding it, the retention, a refused submission, a look-alike
 * id, its age.
 */
export async function findRequests(query: string, filter: EventFilter = {}): Promise<RequestSearchResult> {
  const trimmed = query.trim();
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const candidates = await Promise.all(extractRequestIds(trimmed).map((candidate, index) => matchCandidate(candidate, filter, filtered, index < SUGGESTED_CANDIDATES)));
  const textFilter = candidates.length === 0 && trimmed.length >= 3 ? { ...filter, text: trimmed.slice(0, 200) } : undefined;
  const textMatches = textFilter ? (await listEvents(textFilter, TEXT_MATCHES)).events : [];
  const filterMatches = trimmed.length === 0 && filtered ? (await listEvents(filter, FILTER_MATCH_LIMIT)).events : [];
  const result: RequestSearchResult = { query: trimmed, filter: textFilter ?? filter, candidates, textMatches, filterMatches, retentionDays: env().ERRATA_RETENTION_DAYS };
  if (candidates.some((match) => match.matchedBy === "none")) result.oldestEventAt = await oldestEventOccurredAt();
  return result;
}
