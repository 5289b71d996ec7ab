import Link from "next/link";
import { formatUtc } from "@/lib/catalog/format";
import type { PrunedNote } from "@/lib/retention/pruned-note";

/**
 * Why an id Errata once stored is missing: the retention deleted its event, and its tombstone still
 * says what the request was, while the hourly rollups still count it. Used by the request page and
 * the search results.
 */
export function PrunedNotice({ searched, note, retentionDays }: { searched: string; note: PrunedNote; retentionDays: number }) {
  return (
    <div className="callout callout-warning" role="note" aria-label={`Deleted by the retention: ${note.requestId}`}>
      <p>
        {note.requestId === searched ? (
          "This request"
        ) : (
          <>
            The request <code>{note.requestId}</code>
          </>
        )}{" "}
        was deleted by the {retentionDays}-day retention on {formatUtc(note.prunedAt).slice(0, 10)}. It was a {note.httpStatus}{" "}
        <Link href={`/codes/${encodeURIComponent(note.code)}`}>
          <code>{note.code}</code>
        </Link>{" "}
        for <Link href={`/orgs/${encodeURIComponent(note.orgId)}`}>{note.orgName ?? note.orgId}</Link> at {formatUtc(note.occurredAt)}; it
        still counts in the charts.
      </p>
    </div>
  );
}
