import type { Metadata } from "next";
import Link from "next/link";
import { findEventByRequestId } from "@/db/queries/events";
import { CatalogFlagCallout } from "@/components/events/catalog-flag-callout";
import { EnvelopeCard } from "@/components/events/envelope-card";
import { EventHeadline } from "@/components/events/event-headline";
import { ExplanationCards } from "@/components/events/explanation-cards";
import { RequestFacts } from "@/components/events/request-facts";
import { RequestNotFound } from "@/components/events/request-not-found";
import { Badge } from "@/components/ui/badge";
import { recordRequestView } from "@/lib/audit/record-view";
import { explainEvent } from "@/lib/catalog";
import { requirePageUser } from "@/lib/session/current-user";

// Always read the current database: an event may arrive a moment after the ticket does.
export const dynamic = "force-dynamic";

type Params = Promise<{ requestId: string }>;

function decodeId(raw: string): string {
  // Ids never contain `%`, so decoding is safe whether or not the router already did it.
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeId((await params).requestId) };
}

export default async function RequestPage({ params }: { params: Params }) {
  const user = await requirePageUser();
  const requestId = decodeId((await params).requestId);
  const event = findEventByRequestId(requestId);
  // Recorded before anything is rendered; if it cannot be, this throws and the error page shows instead.
  recordRequestView(user, requestId, "page", event !== undefined);
  if (!event) return <RequestNotFound requestId={requestId} />;

  const explanation = explainEvent(event);
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/">Search</Link> / Request
      </nav>
      <header className="page-header">
        <p className="eyebrow">
          HTTP {event.httpStatus} · {explanation.family} · <code>{event.requestId}</code>
        </p>
        <h1>
          <code>{event.code}</code>
        </h1>
        <EventHeadline event={event} title={explanation.title} />
        <div className="badges">
          {explanation.inCatalog ? <Badge tone="ok">In the catalog</Badge> : <Badge tone="warning">Not in the catalog</Badge>}
          {event.environment ? <Badge>{event.environment}</Badge> : null}
        </div>
      </header>
      <CatalogFlagCallout code={event.code} check={explanation.detailsCheck} />
      <div className="columns">
        <div className="stack">
          <ExplanationCards explanation={explanation} />
        </div>
        <div className="stack">
          <RequestFacts event={event} />
          <EnvelopeCard event={event} />
        </div>
      </div>
    </>
  );
}
