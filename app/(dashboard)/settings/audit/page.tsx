import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { listAuditActors, listRequestViews } from "@/db/queries/audit-log";
import { requirePageUser } from "@/lib/session/current-user";
import { AuditFilters } from "./_components/audit-filters";
import { AuditPager } from "./_components/audit-pager";
import { ViewsTable } from "./_components/views-table";
import { loadAuditParams } from "./search-params";

// Always read the current log: a view is recorded before the request it names is shown.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("admin");
  const params = await loadAuditParams(searchParams);
  const values = { actor: params.actor.trim(), request_id: params.request_id.trim() };
  const [{ views, nextCursor }, actors] = await Promise.all([
    listRequestViews({ actorId: values.actor || undefined, requestIdPrefix: values.request_id || undefined }, PAGE_SIZE, params.before ?? undefined),
    listAuditActors(),
  ]);
  const filtered = Boolean(values.actor || values.request_id);

  return (
    <>
      <header className="page-header">
        <p className="breadcrumb">
          <Link href="/settings">Settings</Link> / Audit log
        </p>
        <h1>Audit log</h1>
        <p className="lede muted">
          Every look at a request, newest first: who (a person on the dashboard, or an API key), which request id, when, and
          whether Errata had it. Lookups of ids it does not have count too. Entries are never changed or removed.
        </p>
      </header>
      <AuditFilters values={values} actors={actors} />
      <section className="card" aria-labelledby="views-heading">
        <h2 id="views-heading">Request views</h2>
        {views.length > 0 ? (
          <ViewsTable views={views} />
        ) : (
          <p className="empty">
            {filtered
              ? "No view matches these filters."
              : params.before
                ? "No older views."
                : "No request has been viewed yet. Opening a request page, or reading one through the API, adds an entry here."}
          </p>
        )}
        <AuditPager values={values} paged={params.before !== null} next={nextCursor} />
      </section>
    </>
  );
}
