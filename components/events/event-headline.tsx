import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { EventRecord } from "@/lib/envelope/event-json";

/**
 * One sentence: what happened, to which organization, when (relative and in the reader's zone,
 * UTC on hover). Internal names are fine here: this is for the agent, not the customer.
 */
export function EventHeadline({ event, title, orgName }: { event: EventRecord; title: string; orgName: string | null }) {
  const endpoint = [event.method, event.path].filter(Boolean).join(" ");
  return (
    <p className="lede">
      <strong>{title}</strong> for <Link href={`/orgs/${encodeURIComponent(event.orgId)}`}>{orgName ?? event.orgId}</Link>
      {orgName ? (
        <>
          {" "}
          (<code>{event.orgId}</code>)
        </>
      ) : null}
      : HTTP {event.httpStatus}
      {endpoint ? (
        <>
          {" "}
          on <code>{endpoint}</code>
        </>
      ) : null}
      {event.service ? <> from {event.service}</> : null}, <LocalTime ms={event.occurredAt} />.
    </p>
  );
}
