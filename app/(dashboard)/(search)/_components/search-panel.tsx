"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { EventList } from "@/components/events/event-list";
import { SEARCH_BOX_ID } from "@/components/search/search-shortcut";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { requestSearchOptions, useRequestSearch } from "@/lib/hooks/use-request-search";
import { hasActiveFilters } from "@/lib/search/search-filters";
import { singleMatch, type EventSummary } from "@/lib/search/search-view";
import { CLEARED_FILTERS, searchPageParams, toSearchFilters } from "../search-params";
import { SearchFilterBar } from "./search-filter-bar";
import type { FilterChoices } from "./search-field-filters";
import { SearchResults } from "./search-results";
import styles from "./search.module.css";

const TYPING_PAUSE_MS = 250;
/**
 * Longer text stays out of the URL: a pasted thread would make a link too long for servers to
 * accept (Node refuses request heads over 16 KiB). The search itself still runs on all of it.
 */
const MAX_URL_QUERY_CHARS = 2_000;

interface Props {
  /** The latest events, shown while there is neither text nor a filter. */
  recent: readonly EventSummary[];
  choices: FilterChoices;
}

/** The search box and filters: results as you type; Find (or Enter) opens the request when exactly one matches. */
export function SearchPanel({ recent, choices }: Props) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useQueryStates(searchPageParams, { history: "replace" });
  const filters = toSearchFilters(state);
  const [text, setText] = useState(state.q);
  const [opening, setOpening] = useState(false);
  const debounced = useDebouncedValue(text, TYPING_PAUSE_MS);
  const search = useRequestSearch(debounced, filters);
  // While Find may open a request, the text stays out of the URL: a late write would land after the
  // navigation and put the search's address back on the request page.
  const leaving = useRef(false);

  useEffect(() => {
    const q = debounced.length <= MAX_URL_QUERY_CHARS ? debounced : "";
    if (!leaving.current && q !== state.q) void setState({ q: q || null });
  }, [debounced, state.q, setState]);

  async function find(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) return;
    setOpening(true);
    leaving.current = true;
    let opened = false;
    try {
      const single = singleMatch(await queryClient.fetchQuery(requestSearchOptions(text, filters)));
      if (single) {
        opened = true;
        router.push(`/requests/${encodeURIComponent(single.requestId)}`);
      }
    } finally {
      leaving.current = opened;
      setOpening(false);
      // Staying: the URL catches up with the text the sync above skipped meanwhile.
      if (!opened && text.length <= MAX_URL_QUERY_CHARS) void setState({ q: text || null });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter searches; Shift+Enter keeps a newline for pasted tickets typed by hand.
    if (event.key === "Enter" && !event.shiftKey) void find(event);
  }

  const searching = Boolean(debounced.trim()) || hasActiveFilters(filters);
  return (
    <div className="stack">
      <form className="card" onSubmit={find} role="search">
        <div className={styles.boxHeader}>
          <label htmlFor={SEARCH_BOX_ID}>
            <strong>Request id or ticket text</strong>{" "}
            <span className="muted">— a full id, a truncated one (req_8a3f…), or the whole ticket</span>
          </label>
          <span className={`muted ${styles.hint}`}>
            Press <kbd>/</kbd> to search
          </span>
        </div>
        <textarea
          id={SEARCH_BOX_ID}
          name="q"
          className="textarea"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Paste a request id or a whole support ticket"
          autoFocus
          spellCheck={false}
        />
        <div>
          <button type="submit" className="button button-primary" disabled={opening || !text.trim()}>
            {opening ? "Finding…" : "Find"}
          </button>
        </div>
      </form>
      <SearchFilterBar state={state} filters={filters} choices={choices} setState={setState} />
      {searching ? (
        <SearchResults view={search.data} loading={search.isFetching} failed={search.isError} onClearFilters={() => void setState(CLEARED_FILTERS)} />
      ) : (
        <section className="card" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Latest errors</h2>
          {recent.length > 0 ? (
            <EventList events={[...recent]} />
          ) : (
            <p className="empty">
              No events yet. Send one to <code>POST /api/v1/events</code> (see the README), or run <code>npm run errata -- demo</code> for
              sample traffic.
            </p>
          )}
        </section>
      )}
    </div>
  );
}
