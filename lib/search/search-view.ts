import type { EventFilter } from "@/db/queries/events";
import type { CatalogFlag } from "@/lib/catalog/types";
import type { PrunedNote } from "@/lib/retention/pruned-note";
import type { RequestSearchResult } from "./find-requests";
import type { RequestIdCandidate } from "./extract-request-ids";
import type { CloseIdSuggestion } from "./suggest-close-ids";

/** What a result list shows of an event: serializable, so it can cross to the browser. */
export interface EventSummary {
  requestId: string;
  orgId: string;
  code: string;
  httpStatus: number;
  message: string | null;
  occurredAt: number;
  catalogFlag: CatalogFlag | null;
}

/** A refused submission that carried an id support searched for: when, with which key, and why. */
export interface RejectionNote {
  requestId: string;
  receivedAt: number;
  keyPrefix: string | null;
  httpStatus: number;
  code: string;
  summary: string;
}

export interface CandidateView {
  candidate: RequestIdCandidate;
  matchedBy: "exact" | "prefix" | "none";
  events: EventSummary[];
  hiddenByFilters: EventSummary[];
  pruned: PrunedNote[];
  rejections: RejectionNote[];
  closeIds: CloseIdSuggestion[];
}

export interface SearchView {
  query: string;
  /** The filter the results were read with (relative ranges resolved), for export links. */
  filter: EventFilter;
  candidates: CandidateView[];
  textMatches: EventSummary[];
  filterMatches: EventSummary[];
  oldestEventAt?: number | null;
  retentionDays: number;
}

export function toEventSummary(event: EventSummary): EventSummary {
  const { requestId, orgId, code, httpStatus, message, occurredAt, catalogFlag } = event;
  return { requestId, orgId, code, httpStatus, message, occurredAt, catalogFlag };
}

export function toRejectionNote({ requestId, rejection }: { requestId: string; rejection: Omit<RejectionNote, "requestId"> }): RejectionNote {
  const { receivedAt, keyPrefix, httpStatus, code, summary } = rejection;
  return { requestId, receivedAt, keyPrefix, httpStatus, code, summary };
}

export function toSearchView(result: RequestSearchResult): SearchView {
  return {
    ...result,
    candidates: result.candidates.map((match) => ({
      ...match,
      events: match.events.map(toEventSummary),
      hiddenByFilters: match.hiddenByFilters.map(toEventSummary),
      rejections: match.rejections.map(toRejectionNote),
    })),
    textMatches: result.textMatches.map(toEventSummary),
    filterMatches: result.filterMatches.map(toEventSummary),
  };
}

interface SearchShape<E extends { requestId: string }> {
  candidates: { matchedBy: "exact" | "prefix" | "none"; events: E[] }[];
  textMatches: readonly unknown[];
}

/**
 * The one event a search points at, when there is exactly one and every id in the text was found;
 * the search then opens it directly instead of listing it.
 */
export function singleMatch<E extends { requestId: string }>(result: SearchShape<E>): E | undefined {
  if (result.textMatches.length > 0 || result.candidates.some((match) => match.matchedBy === "none")) return undefined;
  const ids = new Set(result.candidates.flatMap((match) => match.events.map((event) => event.requestId)));
  if (ids.size !== 1) return undefined;
  return result.candidates.find((match) => match.events.length > 0)?.events[0];
}
