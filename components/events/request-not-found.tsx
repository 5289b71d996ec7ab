import Link from "next/link";
import { findEventsByRequestIdPrefix, oldestEventOccurredAt } from "@/db/queries/events";
import { getOrganization } from "@/db/queries/organizations";
import { findPrunedEvent } from "@/db/queries/retention";
import { EventList } from "@/components/events/event-list";
import { PrunedRequest } from "@/components/events/pruned-request";
import { RejectionNotice } from "@/components/events/rejection-notice";
import { CloseIdList } from "@/components/search/close-id-list";
import { OldestEventNote } from "@/components/search/oldest-event-note";
import { env } from "@/lib/env";
import { suggestCloseIds } from "@/lib/search/suggest-close-ids";
import { rejectionsOfRequestId } from "@/lib/ingest/rejection-lookup";
import { toRejectionNote } from "@/lib/search/search-view";

/** Shortest start of an id worth offering look-alikes for; shorter prefixes match too much. */
const MIN_SIMILAR_PREFIX = 8;

/**
 * The request page of an id Errata has not stored: say when the retention deleted it; otherwise say
 * so, say why when a submission carrying it was refused, offer stored ids one character or a prefix
 * away and ids that start the same way, and say how far back Errata's events go.
 */
export async function RequestNotFound({ requestId }: { requestId: string }) {
  const retentionDays = env().ERRATA_RETENTION_DAYS;
  const pruned = await findPrunedEvent(requestId);
  if (pruned) {
    const organization = await getOrganization(pruned.orgId);
    return <PrunedRequest note={{ ...pruned, orgName: organization?.name ?? null }} retentionDays={retentionDays} />;
  }
  const [similar, rejected, closeIds, oldestEventAt] = await Promise.all([
    requestId.length >= MIN_SIMILAR_PREFIX ? findEventsByRequestIdPrefix(requestId.slice(0, Math.max(MIN_SIMILAR_PREFIX, requestId.length - 4)), 10) : [],
    rejectionsOfRequestId(requestId),
    suggestCloseIds({ value: requestId, truncated: false }),
    oldestEventOccurredAt(),
  ]);
  const rejections = rejected.map(toRejectionNote);
  return (
    <>
      <header className="page-header">
        <p className="eyebrow">Request</p>
        <h1>No stored request matches {requestId}</h1>
        {rejections.length > 0 ? (
          <p className="lede">Errata has no event with this id: the service sent it, and Errata refused the submission.</p>
        ) : (
          <p className="lede">
            Errata has no event with this id. Check it against the ticket; if the customer&apos;s service does not send its
            errors to Errata yet, nothing about this request can be here.
          </p>
        )}
      </header>
      <RejectionNotice searched={requestId} rejections={rejections} />
      <CloseIdList given={requestId} suggestions={closeIds} />
      {rejections.length === 0 ? <OldestEventNote oldestEventAt={oldestEventAt} retentionDays={retentionDays} /> : null}
      {similar.length > 0 ? (
        <section className="card" aria-labelledby="similar-heading">
          <h2 id="similar-heading">Ids that start the same way</h2>
          <EventList events={similar} highlight={requestId.slice(0, MIN_SIMILAR_PREFIX)} />
        </section>
      ) : null}
      <p>
        <Link href="/">Back to search</Link>
      </p>
    </>
  );
}
