import type { Metadata } from "next";
import Link from "next/link";
import { findEventByRequestId } from "@/db/queries/events";
import { getOrganization } from "@/db/queries/organizations";
import { RetryVerdictBadge } from "@/components/codes/retry-verdict";
import { CatalogFlagCallout } from "@/components/events/catalog-flag-callout";
import { EnvelopeCard } from "@/components/events/envelope-card";
import { EventHeadline } from "@/components/events/event-headline";
import { ExplanationCards } from "@/components/events/explanation-cards";
import { RequestFacts } from "@/components/events/request-facts";
import { RequestNotFound } from "@/components/events/request-not-found";
import { Badge } from "@/components/ui/badge";
import { recordRequestView } from "@/lib/audit/record-view";
import { explainEvent } from "@/lib/catalog";
import { replyToCustomer } from "@/lib/catalog/customer-reply";
import { requirePageUser } from "@/lib/session/current-user";
import { RequestContextCard } from "./_components/request-context-card";
import { decodeRequestIdParam } from "./_components/request-id-param";

// Always read the current database: an event may arrive a moment after the ticket does.
export const dynamic = "force-dynamic";

type Params = Promise<{ requestId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeRequestIdParam((await params).requestId) };
}

export default async function RequestPage({ params }: { params: Params }) {
  const user = await requirePageUser();
  const requestId = decodeRequestIdParam((await params).requestId);
  const event = await findEventByRequestId(requestId);
  // Recorded before anything is rendered; if it cannot be, this throws and the error page shows instead.
  await recordRequestView(user, requestId, "page", event !== undefined);
  if (!event) return <RequestNotFound requestId={requestId} />;

  const explanation = explainEvent(event);
  const organization = await getOrganization(event.orgId);
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
        <EventHeadline event={event} title={explanation.title} orgName={organization?.name ?? null} />
        <div className="badges">
          <RetryVerdictBadge verdict={explanation.retry.verdict} />
          {explanation.inCatalog ? <Badge tone="ok">In the catalog</Badge> : <Badge tone="warning">Not in the catalog</Badge>}
          {event.environment ? <Badge>{event.environment}</Badge> : null}
        </div>
      </header>
      <CatalogFlagCallout code={event.code} check={explanation.detailsCheck} />
      <div className="columns">
        <div className="stack">
          <ExplanationCards explanation={explanation} customerReply={replyToCustomer(event, explanation.customerReply)} />
        </div>
        <div className="stack">
          <RequestFacts event={event} />
          <RequestContextCard event={event} />
          <EnvelopeCard event={event} />
        </div>
      </div>
    </>
  );
}
