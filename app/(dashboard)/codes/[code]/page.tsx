import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listEvents } from "@/db/queries/events";
import { AffectedOrgsCard, CodeActivityCard } from "@/components/codes/code-activity-card";
import { DetailsFieldsCard } from "@/components/codes/details-fields-card";
import { CustomerReplyCard, EngineerChecklistCard, RetryCard } from "@/components/codes/guidance-cards";
import { OriginBadge } from "@/components/codes/origin-badge";
import { RecentOccurrencesCard } from "@/components/codes/recent-occurrences-card";
import { TextList } from "@/components/codes/text-list";
import { StatusBadge } from "@/components/ui/badge";
import { BreakableCode } from "@/components/ui/breakable-code";
import { Card } from "@/components/ui/card";
import { catalogFamilies, findCatalogEntry } from "@/lib/catalog";
import { toEventSummary } from "@/lib/search/search-view";
import { getCodeActivity } from "@/lib/trends/code-activity";
import { RANGE_PRESETS, rangeEndingNow } from "@/lib/trends/range-presets";
import { requirePageUser } from "@/lib/session/current-user";

type Params = Promise<{ code: string }>;

// The activity chart and the recent requests read current data on every view.
export const dynamic = "force-dynamic";

const RECENT_OCCURRENCES = 10;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code) };
}

export default async function CodePage({ params }: { params: Params }) {
  await requirePageUser();
  const entry = findCatalogEntry(decodeURIComponent((await params).code));
  if (!entry) notFound();
  const [activity, recentPage] = await Promise.all([
    getCodeActivity(entry.code, rangeEndingNow(RANGE_PRESETS["30d"]), "day"),
    listEvents({ code: entry.code }, RECENT_OCCURRENCES),
  ]);
  const recent = recentPage.events.map(toEventSummary);
  const familyLabel = catalogFamilies().find((family) => family.family === entry.family)?.label ?? entry.family;
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/codes">Error codes</Link> / <Link href={`/codes#family-${entry.family}`}>{familyLabel}</Link>
      </nav>
      <header className="page-header">
        <p className="eyebrow">
          HTTP {entry.httpStatus} · {familyLabel} · {entry.origin === "api" ? "documented by the API" : "answered by Errata's own API"}
        </p>
        <h1>
          <BreakableCode text={entry.code} />
        </h1>
        <p className="lede">
          <strong>{entry.title}.</strong> {entry.meaning}.
        </p>
        <div className="badges">
          <StatusBadge status={entry.httpStatus} />
          <OriginBadge origin={entry.origin} returnedByErrata={entry.returnedByErrata} />
        </div>
      </header>
      <div className="columns">
        <div className="stack">
          <DetailsFieldsCard fields={entry.detailsFields} />
          <Card title="Likely causes">
            <TextList items={entry.causes} />
          </Card>
          <CustomerReplyCard reply={entry.customerReply} />
          <EngineerChecklistCard checks={entry.engineerChecks} />
          <RetryCard retry={entry.retry} />
        </div>
        <div className="stack">
          <RecentOccurrencesCard code={entry.code} events={recent} documentedStatus={entry.httpStatus} />
          <CodeActivityCard activity={activity} />
          <AffectedOrgsCard activity={activity} />
        </div>
      </div>
    </>
  );
}
