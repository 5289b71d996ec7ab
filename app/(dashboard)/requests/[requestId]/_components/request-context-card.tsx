import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { StoredEvent } from "@/db/queries/events";
import { formatCount } from "@/lib/catalog/format";
import { requestLogger } from "@/lib/request-logger";
import { loadRequestContext, type RequestContext } from "@/lib/request-context/load";
import { orgCodeChartHref, orgEventsHref } from "./context-links";
import { NeighbourTimeline } from "./neighbour-timeline";
import { SpikeStatus } from "./spike-status";
import styles from "./request-page.module.css";

function Around({ event, around }: { event: StoredEvent; around: RequestContext["around"] }) {
  const listed = around.timeline.length - 1;
  // The events page's `to` is exclusive; the window includes its last millisecond.
  const allHref = orgEventsHref(event.orgId, { from: around.range.from, to: around.range.to + 1 });
  return (
    <section className={styles.section} aria-labelledby="around-heading">
      <h3 id="around-heading">Around this request</h3>
      <p className="muted">Errors of this organization from 15 minutes before to 15 minutes after.</p>
      <NeighbourTimeline entries={around.timeline} />
      {around.others === 0 ? <p className="muted">No other errors from this organization in that half hour.</p> : null}
      {around.others > listed ? (
        <p>
          <Link href={allHref}>All {formatCount(around.others + 1)} requests in that half hour</Link>
        </p>
      ) : null}
    </section>
  );
}

function CodeHistory({ event, history }: { event: StoredEvent; history: RequestContext["codeHistory"] }) {
  const includesThis = event.occurredAt >= history.range.from && event.occurredAt < history.range.to;
  return (
    <section className={styles.section} aria-labelledby="history-heading">
      <h3 id="history-heading">This code in the last 7 days</h3>
      <p>
        <strong className={styles.count}>{formatCount(history.count)}</strong> {history.count === 1 ? "time" : "times"} for this organization
        {includesThis ? ", this request included" : ""}.
      </p>
      <p>
        <Link href={orgCodeChartHref(event.orgId, history.range, history.otherCodes)}>Chart of this code</Link> ·{" "}
        <Link href={orgEventsHref(event.orgId, history.range, event.code)}>Its requests</Link>
      </p>
    </section>
  );
}

/** Loads the context itself so a failure costs only this card: the explanation and the reply still show. */
async function safeLoad(event: StoredEvent): Promise<RequestContext | null> {
  try {
    return await loadRequestContext(event);
  } catch (error) {
    (await requestLogger()).error({ err: error, requestId: event.requestId }, "the context of a request page could not be loaded");
    return null;
  }
}

/** Other errors of the organization around the request, this code's week, and whether it is spiking. */
export async function RequestContextCard({ event }: { event: StoredEvent }) {
  const context = await safeLoad(event);
  return (
    <Card title="Context">
      {context ? (
        <>
          <Around event={event} around={context.around} />
          <CodeHistory event={event} history={context.codeHistory} />
          <section className={styles.section} aria-labelledby="spike-heading">
            <h3 id="spike-heading">Current spike</h3>
            <SpikeStatus match={context.spike} checked={context.spikeWindowsChecked} />
          </section>
        </>
      ) : (
        <p className="callout callout-warning" role="alert">
          The context of this request could not be loaded. The explanation and the reply above do not depend on it; reload the page to try again.
        </p>
      )}
    </Card>
  );
}
