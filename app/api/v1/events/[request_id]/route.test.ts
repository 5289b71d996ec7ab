import { describe, expect, it } from "vitest";
import { listApiKeys } from "@/db/queries/api-keys";
import { listRequestViews } from "@/db/queries/audit-log";
import { storeEvents } from "@/db/queries/events";
import { catalogFlagFor } from "@/lib/catalog";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests, withoutTables } from "@/lib/testing/handler-fixtures";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { signedInHeaders } from "@/lib/testing/sessions";
import { GET } from "./route";

const MiB = 1024 * 1024;
const OCCURRED = Date.UTC(2026, 10, 26, 14, 3, 12);

const handler = setupHandlerTests(async () => {
  const events = [
    storedEventInput({
      requestId: "req_audio_1",
      code: "registration.audio_too_large",
      httpStatus: 413,
      message: "Audio exceeds the configured max",
      details: { size_bytes: 70 * MiB, max_bytes: 50 * MiB },
      occurredAt: OCCURRED,
    }),
    storedEventInput({ requestId: "req_audio_bad", code: "registration.audio_too_large", httpStatus: 413, details: { size_bytes: "huge" } }),
    storedEventInput({ requestId: "req_unknown", code: "billing.card_declined", httpStatus: 402, details: { decline_code: "do_not_honor" } }),
    storedEventInput({ requestId: "trace:2026.11:26-x", code: "common.internal", httpStatus: 500, details: null }),
  ];
  await storeEvents(
    events.map((event) => ({ ...event, catalogFlag: catalogFlagFor(event.code, event.details) })),
    OCCURRED + 1000,
  );
});

function getEvent(requestId: string, key: string | null = handler.keys.read) {
  const request = new Request(`${BASE_URL}/api/v1/events/${encodeURIComponent(requestId)}`, { headers: key ? bearer(key) : {} });
  return GET(request, routeContext({ request_id: requestId }));
}

interface EventResponse {
  event: Record<string, unknown>;
  explanation: Record<string, unknown> & { summary: string; details_check: { status: string } };
}

async function okBody(response: Response): Promise<EventResponse> {
  expect(response.status).toBe(200);
  expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{24}$/);
  return (await response.json()) as EventResponse;
}

describe("GET /api/v1/events/{request_id}", () => {
  it("returns the event and an explanation that uses the event's own details", async () => {
    const body = await okBody(await getEvent("req_audio_1"));
    expect(body.event).toMatchObject({
      request_id: "req_audio_1",
      org_id: "org_acme",
      code: "registration.audio_too_large",
      http_status: 413,
      details: { size_bytes: 70 * MiB, max_bytes: 50 * MiB },
      occurred_at: "2026-11-26T14:03:12.000Z",
      received_at: "2026-11-26T14:03:13.000Z",
      catalog_flag: null,
    });
    expect(body.explanation).toMatchObject({
      code: "registration.audio_too_large",
      in_catalog: true,
      origin: "api",
      http_status: 413,
      catalog_status: 413,
      details_check: { status: "ok" },
    });
    expect(body.explanation.summary).toContain("70 MiB");
    expect(body.explanation.summary).toContain("50 MiB");
  });

  it("explains without the values when the details do not match the documented shape", async () => {
    const body = await okBody(await getEvent("req_audio_bad"));
    expect(body.event.catalog_flag).toBe("details_mismatch");
    expect(body.explanation.details_check.status).toBe("mismatch");
    expect(body.explanation.summary).not.toContain("MiB");
  });

  it("explains an uncatalogued code from its status alone", async () => {
    const body = await okBody(await getEvent("req_unknown"));
    expect(body.event.catalog_flag).toBe("unknown_code");
    expect(body.explanation).toMatchObject({ code: "billing.card_declined", in_catalog: false, catalog_status: null, http_status: 402 });
    expect(body.explanation.details_check).toEqual({ status: "unknown_code" });
  });

  it("finds ids that use the whole id alphabet", async () => {
    const body = await okBody(await getEvent("trace:2026.11:26-x"));
    expect(body.event.request_id).toBe("trace:2026.11:26-x");
  });

  it("answers an unknown id with 404 common.not_found naming the event", async () => {
    const body = await expectEnvelope(await getEvent("req_nope"), 404, "common.not_found");
    expect(body.details).toEqual({ resource: "event", id: "req_nope" });
  });

  it("does not match by prefix", async () => {
    await expectEnvelope(await getEvent("req_audio"), 404, "common.not_found");
  });

  it("refuses an id longer than 128 characters with 422", async () => {
    const body = await expectEnvelope(await getEvent("r".repeat(129)), 422, "common.validation_failed");
    expect(body.details.fields).toHaveLength(1);
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await getEvent("req_audio_1", null), 401, "common.unauthorized");
    const body = await expectEnvelope(await getEvent("req_audio_1", handler.keys.ingest), 403, "auth.scope_denied");
    expect(body.details.required).toBe("read");
    expect((await getEvent("req_audio_1", handler.keys.both)).status).toBe(200);
  });
});

describe("GET /api/v1/events/{request_id} — audit log", () => {
  const views = async () => (await listRequestViews({}, 50)).views;

  it("records a view with a read key under the key's prefix and name before answering", async () => {
    const before = Date.now();
    await okBody(await getEvent("req_audio_1"));
    const readKey = (await listApiKeys()).find((key) => key.name === "read only");
    expect(await views()).toEqual([
      expect.objectContaining({ actorKind: "key", actorId: readKey?.prefix, actorLabel: "read only", requestId: "req_audio_1", via: "api", found: true }),
    ]);
    expect((await views())[0]?.viewedAt).toBeGreaterThanOrEqual(before);
  });

  it("records a signed-in user reading without a key under their e-mail", async () => {
    const headers = await signedInHeaders("agent", "agent@example.com");
    const response = await GET(new Request(`${BASE_URL}/api/v1/events/req_audio_1`, { headers }), routeContext({ request_id: "req_audio_1" }));
    await okBody(response);
    expect(await views()).toEqual([expect.objectContaining({ actorKind: "user", actorLabel: "agent@example.com", requestId: "req_audio_1", via: "api" })]);
  });

  it("records a lookup of an unknown id with found=false", async () => {
    await expectEnvelope(await getEvent("req_nope"), 404, "common.not_found");
    expect(await views()).toEqual([expect.objectContaining({ requestId: "req_nope", via: "api", found: false })]);
  });

  it("records nothing for a refused request: no key, a key without read, an invalid id", async () => {
    await expectEnvelope(await getEvent("req_audio_1", null), 401, "common.unauthorized");
    await expectEnvelope(await getEvent("req_audio_1", handler.keys.ingest), 403, "auth.scope_denied");
    await expectEnvelope(await getEvent("r".repeat(129)), 422, "common.validation_failed");
    expect(await views()).toEqual([]);
  });

  it("withholds the event with 503 when the view cannot be recorded", async () => {
    const response = await withoutTables(handler.database, ["audit_log"], () => getEvent("req_audio_1"));
    const body = await expectEnvelope(response, 503, "common.service_unavailable");
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(JSON.stringify(body)).not.toContain("audio_too_large");
  });
});
