import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerReplyCard, EngineerChecklistCard, RetryCard } from "@/components/codes/guidance-cards";
import { TextList } from "@/components/codes/text-list";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CodeActivityCard } from "@/components/codes/code-activity-card";
import { findCatalogEntry } from "@/lib/catalog";
import { getCodeActivity } from "@/lib/trends/code-activity";
import { RANGE_PRESETS, rangeEndingNow } from "@/lib/trends/range-presets";
import { requirePageUser } from "@/lib/session/current-user";

type Params = Promise<{ code: string }>;

// The activity chart reads current data on every view.
export const dynamic = "force-dynamic";


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code) };
}

export default async function CodePage({ params }: { params: Params }) {
  await requirePageUser();
  const entry = findCatalogEntry(decodeURIComponent((await params).code));
  if (!entry) notFound();
  const activity = getCodeActivity(entry.code, rangeEndingNow(RANGE_PRESETS["30d"]), "day");
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/codes">Error codes</Link> / {entry.family}
      </nav>
      <header className="page-header">
        <p className="eyebrow">
          HTTP {entry.httpStatus} · {entry.family} · {entry.origin === "api" ? "documented by the API" : "Errata's own API"}
        </p>
        <h1>
          <code>{entry.code}</code>
        </h1>
        <p className="lede">
          <strong>{entry.title}.</strong> {entry.meaning}
        </p>
        <div className="badges">
          <StatusBadge status={entry.httpStatus} />
          {entry.returnedByErrata ? <Badge>Errata answers with this code</Badge> : null}
        </div>
      </header>
      <div className="columns">
        <div className="stack">
          <Card title="Likely causes">
            <TextList items={entry.causes} />
          </Card>
          <CodeActivityCard activity={activity} />
          <CustomerReplyCard reply={entry.customerReply} />
          <EngineerChecklistCard checks={entry.engineerChecks} />
        </div>
        <div className="stack">
          <Card title="Details fields">
            {entry.detailsFields.length > 0 ? (
              <dl className="facts">
                {entry.detailsFields.map((field) => (
                  <div key={field.name} style={{ display: "contents" }}>
                    <dt>
                      <code>details.{field.name}</code>
                    </dt>
                    <dd>
                      {field.meaning} <span className="muted">({field.type})</span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">This code documents no details fields.</p>
            )}
          </Card>
          <RetryCard retry={entry.retry} />
        </div>
      </div>
    </>
  );
}
