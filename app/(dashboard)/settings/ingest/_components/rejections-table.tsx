import Link from "next/link";
import type { ListedRejection } from "@/db/queries/rejected-ingests";
import { StatusBadge } from "@/components/ui/badge";
import { formatUtc } from "@/lib/catalog/format";
import styles from "./trail.module.css";

function RequestIds({ rejection }: { rejection: ListedRejection }) {
  if (rejection.sampleRequestIds.length === 0) return <span className="muted">—</span>;
  const more = rejection.requestIdCount - rejection.sampleRequestIds.length;
  return (
    <>
      {rejection.sampleRequestIds.map((id) => (
        <div key={id}>
          <Link href={`/settings/ingest?request_id=${encodeURIComponent(id)}`}>
            <code>{id}</code>
          </Link>
        </div>
      ))}
      {more > 0 ? <div className="muted">and {more.toLocaleString("en")} more</div> : null}
    </>
  );
}

/** Refused submissions, newest first; one row may stand for identical refusals that came together. */
export function RejectionsTable({ rejections }: { rejections: readonly ListedRejection[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Refused submissions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received, and Errata&apos;s answer</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
            <th scope="col">What was wrong</th>
            <th scope="col">Request ids sent</th>
          </tr>
        </thead>
        <tbody>
          {rejections.map((rejection) => (
            <tr key={rejection.id}>
              <td className={styles.token}>
                <time dateTime={new Date(rejection.receivedAt).toISOString()}>{formatUtc(rejection.receivedAt)}</time>
                {rejection.repeats > 1 ? <div className="muted">{rejection.repeats.toLocaleString("en")} times</div> : null}
                {/* The request_id of Errata's own error response: what the sender's logs show. */}
                <div>
                  <code className="muted">{rejection.errataRequestId}</code>
                </div>
              </td>
              <td className={styles.token}>{rejection.keyPrefix ? <code>{rejection.keyPrefix}…</code> : <span className="muted">none readable</span>}</td>
              <td>
                <StatusBadge status={rejection.httpStatus} />
              </td>
              <td className={styles.token}>
                <Link href={`/codes/${encodeURIComponent(rejection.code)}`}>
                  <code>{rejection.code}</code>
                </Link>
              </td>
              <td className={styles.summary}>
                {rejection.summary}
                {rejection.eventCount !== null ? (
                  <div className="muted">
                    {rejection.eventCount.toLocaleString("en")} event{rejection.eventCount === 1 ? "" : "s"} in the body
                  </div>
                ) : null}
              </td>
              <td className={styles.ids}>
                <RequestIds rejection={rejection} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
