import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { EventSummary } from "@/lib/search/search-view";
import styles from "./recent-occurrences.module.css";

interface Props {
  code: string;
  events: readonly EventSummary[];
  documentedStatus: number;
}

/** The latest requests that answered with a code, each a link to its request page, and the way to all of them. */
export function RecentOccurrencesCard({ code, events, documentedStatus }: Props) {
  // The search page lists every stored request matching its filters (and exports them).
  const all = events.length > 0 ? <Link href={`/?code=${encodeURIComponent(code)}`}>All requests with this code</Link> : null;
  return (
    <Card title="Recent occurrences" action={all}>
      {events.length === 0 ? (
        <p className="empty">No stored request has answered with this code yet.</p>
      ) : (
        <ol className={styles.list}>
          {events.map((event) => (
            <li key={event.requestId}>
              <Link href={`/requests/${encodeURIComponent(event.requestId)}`}>
                <code>{event.requestId}</code>
              </Link>
              <span className={styles.meta}>
                <Link href={`/orgs/${encodeURIComponent(event.orgId)}`}>{event.orgId}</Link>
                <span className="muted">
                  <LocalTime ms={event.occurredAt} compact />
                </span>
                {/* Only a status that differs from the catalog's says something. */}
                {event.httpStatus !== documentedStatus ? <StatusBadge status={event.httpStatus} /> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
