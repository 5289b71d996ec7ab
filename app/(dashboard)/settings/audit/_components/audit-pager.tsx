import Link from "next/link";
import type { AuditCursor } from "@/db/queries/audit-log";
import { AUDIT_PATH, serializeAuditView } from "../search-params";
import type { AuditFilterValues } from "./audit-filters";

/** "Newest" back to the first page and "Older views" on, keeping the filters. */
export function AuditPager({ values, paged, next }: { values: AuditFilterValues; paged: boolean; next: AuditCursor | null }) {
  if (!paged && !next) return null;
  return (
    <nav className="toolbar" aria-label="Pages of the audit log">
      {paged ? <Link href={serializeAuditView(AUDIT_PATH, values)}>Newest views</Link> : null}
      {next ? <Link href={serializeAuditView(AUDIT_PATH, { ...values, before: next })}>Older views</Link> : null}
    </nav>
  );
}
