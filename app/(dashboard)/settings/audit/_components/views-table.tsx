import Link from "next/link";
import type { RequestView } from "@/db/queries/audit-log";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { AUDIT_PATH, serializeAuditView } from "../search-params";
import styles from "./audit.module.css";

const VIA_LABELS = { page: "Dashboard", api: "API" } as const satisfies Record<RequestView["via"], string>;

function Viewer({ view }: { view: RequestView }) {
  return (
    <>
      <Link href={serializeAuditView(AUDIT_PATH, { actor: view.actorId })} title={`Only views by ${view.actorLabel}`}>
        {view.actorLabel}
      </Link>
      {view.actorKind === "key" ? (
        <div className="muted">
          API key <code>{view.actorId}…</code>
        </div>
      ) : null}
    </>
  );
}

/** Views of stored requests (and lookups of unknown ids), newest first. */
export function ViewsTable({ views }: { views: readonly RequestView[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Request views, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Request id</th>
            <th scope="col">Via</th>
            <th scope="col">Found</th>
          </tr>
        </thead>
        <tbody>
          {views.map((view) => (
            <tr key={view.id}>
              <td className={styles.when}>
                <LocalTime ms={view.viewedAt} />
              </td>
              <td>
                <Viewer view={view} />
              </td>
              <td>
                {/* No prefetch: opening the request page records a view, and only a person's click should. */}
                <Link href={`/requests/${encodeURIComponent(view.requestId)}`} prefetch={false}>
                  <code>{view.requestId}</code>
                </Link>
              </td>
              <td>{VIA_LABELS[view.via]}</td>
              <td>{view.found ? "Yes" : <Badge tone="warning">Not stored</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
