"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { requestSearchOptions, useRequestSearch } from "@/lib/hooks/use-request-search";
import { singleMatch } from "@/lib/search/search-view";
import { SearchResults } from "./search-results";

const TYPING_PAUSE_MS = 250;

/** The search box: results as you type; Find (or Enter) opens the request when exactly one matches. */
export function SearchPanel({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initialQuery);
  const [opening, setOpening] = useState(false);
  const debounced = useDebouncedValue(text, TYPING_PAUSE_MS);
  const search = useRequestSearch(debounced);

  async function find(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim()) return;
    setOpening(true);
    try {
      const view = await queryClient.fetchQuery(requestSearchOptions(text));
      const single = singleMatch(view);
      if (single) router.push(`/requests/${encodeURIComponent(single.requestId)}`);
      else router.replace(`/?q=${encodeURIComponent(text)}`);
    } finally {
      setOpening(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter searches; Shift+Enter keeps a newline for pasted tickets typed by hand.
    if (event.key === "Enter" && !event.shiftKey) void find(event);
  }

  return (
    <div className="stack">
      <form className="card" onSubmit={find} role="search">
        <label htmlFor="search-text">
          <strong>Request id or ticket text</strong>{" "}
          <span className="muted">— a full id, a truncated one (req_8a3f…), or the whole ticket</span>
        </label>
        <textarea
          id="search-text"
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
      {debounced.trim() ? <SearchResults view={search.data} loading={search.isFetching} failed={search.isError} /> : null}
    </div>
  );
}
