import { LocalTime } from "@/components/ui/local-time";
import type { EventRecord } from "@/lib/envelope/event-json";

/** One sentence: what happened, to which organization, when. */
export function EventHeadline({ event, title }: { event: EventRecord; title: string }) {
  const endpoint = [event.method, event.path].filter(Boolean).join(" ");
  return (
    <p className="lede">
      {title}: organization <strong>{event.orgId}</strong> got HTTP {event.httpStatus}
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
