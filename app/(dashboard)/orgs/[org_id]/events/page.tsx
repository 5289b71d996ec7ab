import type { Metadata } from "next";
import Link from "next/link";
import { createLoader, parseAsIsoDateTime, parseAsString, type SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { listEvents } from "@/db/queries/events";
import { getOrganization } from "@/db/queries/organizations";
import { EventList } from "@/components/events/event-list";
import { ExportLinks } from "@/components/search/export-links";
import { decodeCursor, encodeCursor } from "@/lib/events/list-query";
import { toEventSummary } from "@/lib/search/search-view";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 50;
const loadFilters = createLoader({
  code: parseAsString,
  from: parseAsIsoDateTime,
  to: parseAsIsoDateTime,
  cursor: parseAsString,
});

type Params = Promise<{ org_id: string }>;

function utc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The requests behind a bar or a table row of the organization chart, newest first. */
export default async function OrgEventsPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const orgId = decodeURIComponent((await params).org_id);
  if (!(await getOrganization(orgId))) notFound();
  const filters = await loadFilters(searchParams);
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : undefined;
  const filter = { orgId, code: filters.code ?? undefined, from: filters.from?.getTime(), to: filters.to?.getTime() };
  const page = await listEvents(filter, PAGE_SIZE, cursor ?? undefined);
  const nextParams = new URLSearchParams();
  for (const [key, value] of Object.entries({ code: filters.code, from: filters.from?.toISOString(), to: filters.to?.toISOString() })) {
    if (value) nextParams.set(key, value);
  }
  const chartHref = `/orgs/${encodeURIComponent(orgId)}${filters.from && filters.to ? `?range=custom&from=${filters.from.toISOString()}&to=${filters.to.toISOString()}` : ""}`;
  if (page.nextCursor) nextParams.set("cursor", encodeCursor(page.nextCursor));

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/orgs">Organizations</Link> / <Link href={chartHref}>{orgId}</Link> / Events
      </nav>
      <header className="page-header">
        <h1>{filters.code ? <code>{filters.code}</code> : "All codes"}</h1>
        <p className="lede">
          Requests of <strong>{orgId}</strong>
          {filters.from ? <> from {utc(filters.from)}</> : null}
          {filters.to ? <> to {utc(filters.to)}</> : null}, newest first.
        </p>
      </header>
      <section className="card" aria-labelledby="events-heading">
        <div className="card-header">
          <h2 id="events-heading">Requests</h2>
          {page.events.length > 0 ? <ExportLinks filter={filter} label="Export every request of this list" /> : null}
        </div>
        {page.events.length > 0 ? (
          <EventList events={page.events.map(toEventSummary)} />
        ) : (
          <p className="empty">No stored requests match these filters.</p>
        )}
        {page.nextCursor ? (
          <p>
            <Link href={`?${nextParams}`}>Older requests</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
