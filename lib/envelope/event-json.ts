import type { CatalogFlag } from "@/lib/catalog/types";

/** The stored fields of an event, as the data layer returns them. */
export interface EventRecord {
  requestId: string;
  orgId: string;
  code: string;
  httpStatus: number;
  message: string | null;
  details: Record<string, unknown> | null;
  occurredAt: number;
  receivedAt: number;
  service: string | null;
  method: string | null;
  path: string | null;
  environment: "live" | "test" | null;
  catalogFlag: CatalogFlag | null;
}

/** An event as the public API shows it: snake_case, ISO times. */
export function toEventJson(event: EventRecord) {
  return {
    request_id: event.requestId,
    org_id: event.orgId,
    code: event.code,
    http_status: event.httpStatus,
    message: event.message,
    details: event.details,
    occurred_at: new Date(event.occurredAt).toISOString(),
    received_at: new Date(event.receivedAt).toISOString(),
    service: event.service,
    method: event.method,
    path: event.path,
    environment: event.environment,
    catalog_flag: event.catalogFlag,
  };
}

/** The envelope exactly as the service returned it to its caller. */
export function toEnvelope(event: EventRecord) {
  return { code: event.code, message: event.message, details: event.details, request_id: event.requestId };
}
