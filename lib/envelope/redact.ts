import type { IngestEvent } from "./event-schema";

// Placeholder during the ingest hardening work (issue 4): the redaction rules replace it.
export function redactEvent(event: IngestEvent): IngestEvent {
  return event;
}
