import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import type { EventSummary } from "@/lib/search/search-view";
import { HighlightedText } from "./highlighted-text";

/** Events found by free text, with the words that matched marked in their code and message. */
export function TextMatchList({ events, term }: { events: readonly EventSummary[]; term: string }) {
  return (
    <ul className="result-list">
      {events.map((event) => (
        <li key={event.requestId}>
          <Link href={`/requests/${encodeURIComponent(event.requestId)}`}>
            <code>{event.requestId}</code>
          </Link>
          <StatusBadge status={event.httpStatus} />
          <code>
            <HighlightedText text={event.code} term={term} />
          </code>
          {event.message ? (
            <span>
              <HighlightedText text={event.message} term={term} />
            </span>
          ) : null}
          <span className="muted">{event.orgId}</span>
        </li>
      ))}
    </ul>
  );
}
