import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { EventSummary } from "@/lib/search/search-view";
import styles from "./recent-occurrences.module.css";

/** The latest requests that answered with a code, each a link to its request page. */
export function RecentOccurrencesCard({ events, documentedStatus }: { events: readonly EventSummary[]; documentedStatus: number }) {
  return (
    <Card title="Recent occurrences">
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
