import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { describeOffset, type TimelineEntry } from "@/lib/request-context/timeline";
import styles from "./request-page.module.css";

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;

/** The organization's errors around the request, in time order, with the request itself marked. */
export function NeighbourTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol className={styles.timeline} aria-label="Errors of this organization around this request">
      {entries.map((entry) => (
        <li key={entry.requestId} className={entry.isThis ? styles.current : undefined} aria-current={entry.isThis ? "true" : undefined}>
          <time className={styles.offset} dateTime={new Date(entry.occurredAt).toISOString()} title={utc(entry.occurredAt)}>
            {entry.isThis ? "This request" : describeOffset(entry.offsetMs)}
          </time>
          <StatusBadge status={entry.httpStatus} />
          <code className={styles.code}>{entry.code}</code>
          {entry.isThis ? (
            <code className={styles.id}>{entry.requestId}</code>
          ) : (
            <Link className={styles.id} href={`/requests/${encodeURIComponent(entry.requestId)}`}>
              <code>{entry.requestId}</code>
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
