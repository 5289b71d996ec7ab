import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import type { EventSummary } from "@/lib/search/search-view";

function HighlightedId({ id, highlight }: { id: string; highlight?: string }) {
  if (!highlight || !id.startsWith(highlight)) return <code>{id}</code>;
  return (
    <code>
      <mark>{highlight}</mark>
      {id.slice(highlight.length)}
    </code>
  );
}

/** Events as links to their request pages, with the part of the id that matched marked. */
export function EventList({ events, highlight }: { events: EventSummary[]; highlight?: string }) {
  return (
    <ul className="result-list">
      {events.map((event) => (
        <li key={event.requestId}>
          <Link href={`/requests/${encodeURIComponent(event.requestId)}`}>
            <HighlightedId id={event.requestId} highlight={highlight} />
          </Link>
          <StatusBadge status={event.httpStatus} />
          <code>{event.code}</code>
          <span className="muted">{event.orgId}</span>
          <time className="muted" dateTime={new Date(event.occurredAt).toISOString()}>
            {new Date(event.occurredAt).toISOString().slice(0, 16).replace("T", " ")} UTC
          </time>
        </li>
      ))}
    </ul>
  );
}
