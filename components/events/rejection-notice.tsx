import Link from "next/link";
import { formatUtc } from "@/lib/catalog/format";
import type { RejectionNote } from "@/lib/search/search-view";

/**
 * Why an id that was never stored is missing: the submissions that carried it reached Errata and
 * were refused. Used by the search results and by the request page of an unknown id.
 */
export function RejectionNotice({ searched, rejections }: { searched: string; rejections: readonly RejectionNote[] }) {
  if (rejections.length === 0) return null;
  return (
    <div className="callout callout-warning" role="note" aria-label={`Refused submissions of ${searched}`}>
      <ul className="plain">
        {rejections.map((note, index) => (
          <li key={`${note.requestId}|${note.receivedAt}|${index}`}>
            {note.requestId === searched ? "This id" : <code>{note.requestId}</code>} reached Errata at {formatUtc(note.receivedAt)} but was
            rejected: <code>{note.code}</code> ({note.summary})
            <span className="muted">
              {" "}
              · HTTP {note.httpStatus}
              {note.keyPrefix ? (
                <>
                  {" "}
                  · key <code>{note.keyPrefix}…</code>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <p>
        Nothing from a refused submission is stored: the sending service has to fix it and send it again. Admins see every
        refusal in the <Link href={`/settings/ingest?request_id=${encodeURIComponent(searched)}`}>ingest trail</Link>.
      </p>
    </div>
  );
}
