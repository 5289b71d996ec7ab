import type { NewEvent } from "@/db/queries/events";
import type { IngestEvent } from "@/lib/envelope/event-schema";

/** A valid flat event as a service would send it; override any field per test. */
export function wireEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    request_id: "req_8a3f2b9c1d4e5f60718293a4",
    org_id: "org_acme",
    http_status: 403,
    code: "api_key.scope_denied",
    message: "The key lacks the registration:write scope",
    details: { required: "registration:write" },
    occurred_at: "2026-11-26T14:03:12.000Z",
    service: "registry-api",
    method: "POST",
    path: "/v1/registrations",
    environment: "live",
    ...overrides,
  };
}

/** What `parseEvent` makes of `wireEvent()`: the same event, validated and normalized. */
export function normalizedEvent(overrides: Partial<IngestEvent> = {}): IngestEvent {
  return {
    requestId: "req_8a3f2b9c1d4e5f60718293a4",
    orgId: "org_acme",
    httpStatus: 403,
    code: "api_key.scope_denied",
    message: "The key lacks the registration:write scope",
    details: { required: "registration:write" },
    occurredAt: Date.UTC(2026, 10, 26, 14, 3, 12),
    service: "registry-api",
    method: "POST",
    path: "/v1/registrations",
    environment: "live",
    ...overrides,
  };
}

/** A validated event ready for `storeEvents`; override any field per test. */
export function storedEventInput(overrides: Partial<NewEvent> = {}): NewEvent {
  return { ...normalizedEvent({ requestId: "req_0001" }), catalogFlag: null, ...overrides };
}

/** One event per line, as `application/x-ndjson` bodies carry them. */
export function ndjson(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join("\n");
}
