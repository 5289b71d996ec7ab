import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { env } from "@/lib/env";
import { readTrail, TRAIL_PAGE_SIZE } from "@/lib/ingest/rejection-lookup";
import { RejectionsTable } from "./_components/rejections-table";
import { TrailFilters } from "./_components/trail-filters";
import { loadTrailParams } from "./search-params";
import { requirePageUser } from "@/lib/session/current-user";

// Always read the current trail: refusals are written within a second of happening.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest trail" };

export default async function IngestTrailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageUser("admin");
  const params = await loadTrailParams(searchParams);
  const values = { key: params.key.trim(), code: params.code.trim(), request_id: params.request_id.trim() };
  const { rejections, codes } = await readTrail({
    keyPrefix: values.key || undefined,
    code: values.code || undefined,
    requestId: values.request_id || undefined,
  });
  const filtered = Boolean(values.key || values.code || values.request_id);
  const days = env().ERRATA_TRAIL_RETENTION_DAYS;

  return (
    <>
      <header className="page-header">
        <p className="breadcrumb">
          <Link href="/settings">Settings</Link> / Ingest trail
        </p>
        <h1>Ingest trail</h1>
        <p className="lede muted">
          Submissions Errata refused in the last {days} days, newest first: when, with which key, why, and the request ids
          they carried (up to 100 each). Bodies are never kept, nor more of a key than its prefix.
        </p>
      </header>
      <TrailFilters values={values} codes={codes} />
      <section className="card" aria-labelledby="trail-heading">
        <h2 id="trail-heading">Refused submissions</h2>
        {rejections.length > 0 ? (
          <>
            <RejectionsTable rejections={rejections} />
            {rejections.length === TRAIL_PAGE_SIZE ? (
              <p className="muted">Showing the latest {TRAIL_PAGE_SIZE}; narrow the list with the filters above.</p>
            ) : null}
          </>
        ) : (
          <p className="empty">
            {filtered
              ? "No refused submission matches these filters."
              : `Nothing refused in the last ${days} days: every submission was accepted.`}
          </p>
        )}
      </section>
    </>
  );
}
