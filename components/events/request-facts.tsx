import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import type { EventRecord } from "@/lib/envelope/event-json";

export function RequestFacts({ event }: { event: EventRecord }) {
  return (
    <Card title="Request" action={<CopyButton text={event.requestId} label="Copy id" />}>
      <dl className="facts">
        <dt>Request id</dt>
        <dd>
          <code>{event.requestId}</code>
        </dd>
        <dt>Organization</dt>
        <dd>
          <code>{event.orgId}</code>
        </dd>
        <dt>HTTP status</dt>
        <dd>
          <StatusBadge status={event.httpStatus} />
        </dd>
        <dt>Occurred</dt>
        <dd>
          <LocalTime ms={event.occurredAt} />
        </dd>
        <dt>Received</dt>
        <dd>
          <LocalTime ms={event.receivedAt} relative={false} />
        </dd>
        <dt>Service</dt>
        <dd>{event.service ?? <span className="muted">not sent</span>}</dd>
        <dt>Endpoint</dt>
        <dd>
          {event.method || event.path ? (
            <code>{[event.method, event.path].filter(Boolean).join(" ")}</code>
          ) : (
            <span className="muted">not sent</span>
          )}
        </dd>
        <dt>Environment</dt>
        <dd>{event.environment ?? <span className="muted">not sent</span>}</dd>
      </dl>
    </Card>
  );
}
