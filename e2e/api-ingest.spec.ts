import { expect, test } from "@playwright/test";
import { expectEnvelope, REQUEST_ID_PATTERN } from "./fixtures/envelope";
import { audioTooLarge, newOrgId, newRequestId, quotaExceeded } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { bearer, e2eKeys } from "./fixtures/keys";
import { SIGNED_OUT } from "./fixtures/users";

// Keys only: a session cookie would let the read routes answer requests these tests expect refused.
test.use({ storageState: SIGNED_OUT });

const EVENTS = "/api/v1/events";
const eventUrl = (requestId: string) => `${EVENTS}/${encodeURIComponent(requestId)}`;

test.describe("POST /api/v1/events", () => {
  test("stores one event, then counts the same request id as a duplicate", async ({ request }) => {
    const event = audioTooLarge();
    const headers = bearer(e2eKeys().ingest);

    const first = await request.post(EVENTS, { headers, data: event });
    expect(first.status()).toBe(202);
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });

    const again = await request.post(EVENTS, { headers, data: event });
    expect(again.status()).toBe(202);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
  });

  test("refuses a whole batch when one event is invalid, storing none of it", async ({ request }) => {
    const batch = [audioTooLarge(), audioTooLarge({ code: "Not A Code" }), quotaExceeded()];

    const response = await request.post(EVENTS, { headers: bearer(e2eKeys().ingest), data: { events: batch } });
    const body = await expectEnvelope(response, 422, "common.validation_failed");
    expect(body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: "events[1].code" })]));

    for (const event of batch) {
      const lookup = await request.get(eventUrl(event.request_id), { headers: bearer(e2eKeys().read) });
      await expectEnvelope(lookup, 404, "common.not_found");
    }
  });

  test("accepts NDJSON, one event per line", async ({ request }) => {
    const events = [audioTooLarge(), quotaExceeded(), audioTooLarge()];
    const response = await request.post(EVENTS, {
      headers: { ...bearer(e2eKeys().ingest), "Content-Type": "application/x-ndjson" },
      data: `${events.map((event) => JSON.stringify(event)).join("\n")}\n`,
    });
    expect(response.status(), await response.text()).toBe(202);
    expect(await response.json()).toEqual({ accepted: 3, duplicates: 0 });

    const stored = await request.get(eventUrl(events[1]!.request_id), { headers: bearer(e2eKeys().read) });
    expect(stored.status()).toBe(200);
    expect((await stored.json()).event).toMatchObject({ code: "common.quota_exceeded", http_status: 429 });
  });

  test("accepts the envelope form: the response body exactly as the service returned it", async ({ request }) => {
    const requestId = newRequestId();
    const orgId = newOrgId();
    const response = await request.post(EVENTS, {
      headers: bearer(e2eKeys().ingest),
      data: {
        org_id: orgId,
        http_status: 413,
        envelope: {
          code: "registration.audio_too_large",
          message: "Audio exceeds the configured maximum",
          details: { size_bytes: 73400320, max_bytes: 52428800 },
          request_id: requestId,
        },
      },
    });
    expect(response.status(), await response.text()).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });

    const stored = await request.get(eventUrl(requestId), { headers: bearer(e2eKeys().read) });
    expect(stored.status()).toBe(200);
    expect((await stored.json()).event).toMatchObject({
      request_id: requestId,
      org_id: orgId,
      code: "registration.audio_too_large",
      details: { size_bytes: 73400320, max_bytes: 52428800 },
    });
  });

  test("answers malformed JSON with 400", async ({ request }) => {
    const response = await request.post(EVENTS, {
      headers: { ...bearer(e2eKeys().ingest), "Content-Type": "application/json" },
      // A Buffer goes out byte for byte; a string would be JSON-encoded because of the content type.
      data: Buffer.from('{"request_id": "req_1", "org_id": '),
    });
    await expectEnvelope(response, 400, "common.bad_request");
  });

  test("answers a request without a key with 401 common.unauthorized", async ({ request }) => {
    const response = await request.post(EVENTS, { data: audioTooLarge() });
    await expectEnvelope(response, 401, "common.unauthorized");
  });

  test("answers an unknown key with 401 auth.key_invalid", async ({ request }) => {
    const response = await request.post(EVENTS, { headers: bearer("erk_thisKeyWasNeverIssued0000"), data: audioTooLarge() });
    await expectEnvelope(response, 401, "auth.key_invalid");
  });

  test("answers a read-only key with 403 auth.scope_denied", async ({ request }) => {
    const event = audioTooLarge();
    const response = await request.post(EVENTS, { headers: bearer(e2eKeys().read), data: event });
    await expectEnvelope(response, 403, "auth.scope_denied");

    const lookup = await request.get(eventUrl(event.request_id), { headers: bearer(e2eKeys().read) });
    expect(lookup.status()).toBe(404);
  });
});

test.describe("GET /api/v1/events/{request_id}", () => {
  test("returns the event and an explanation built from its own details", async ({ request }) => {
    const event = audioTooLarge();
    await ingest(request, [event]);

    const response = await request.get(eventUrl(event.request_id), { headers: bearer(e2eKeys().read) });
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as { event: Record<string, unknown>; explanation: { summary: string } };
    expect(body.event).toMatchObject({
      request_id: event.request_id,
      org_id: event.org_id,
      code: "registration.audio_too_large",
      http_status: 413,
      details: { size_bytes: 73400320, max_bytes: 52428800 },
    });
    expect(body.explanation.summary).toContain("70 MiB");
    expect(body.explanation.summary).toContain("50 MiB");
  });

  test("works with the ingest,read key too", async ({ request }) => {
    const event = quotaExceeded();
    await ingest(request, [event]);
    const response = await request.get(eventUrl(event.request_id), { headers: bearer(e2eKeys().full) });
    expect(response.status()).toBe(200);
  });

  test("answers an unknown id with 404 naming the resource", async ({ request }) => {
    const response = await request.get(eventUrl(newRequestId()), { headers: bearer(e2eKeys().read) });
    const body = await expectEnvelope(response, 404, "common.not_found");
    expect(body.details.resource).toBe("event");
  });

  test("answers an ingest-only key with 403 auth.scope_denied", async ({ request }) => {
    const response = await request.get(eventUrl(newRequestId()), { headers: bearer(e2eKeys().ingest) });
    await expectEnvelope(response, 403, "auth.scope_denied");
  });
});

test.describe("the error envelope", () => {
  test("an unknown /api route answers with the envelope, not an HTML page", async ({ request }) => {
    const response = await request.get("/api/v1/no-such-thing");
    await expectEnvelope(response, 404, "common.not_found");
  });

  test("every error carries a fresh request id in the body and the X-Request-Id header", async ({ request }) => {
    const responses = await Promise.all([
      request.post(EVENTS, { data: audioTooLarge() }),
      request.get(eventUrl(newRequestId()), { headers: bearer(e2eKeys().read) }),
      request.post("/api/v2/events"),
    ]);
    const ids = new Set<string>();
    for (const response of responses) {
      const body = (await response.json()) as { request_id: string };
      expect(body.request_id).toMatch(REQUEST_ID_PATTERN);
      expect(response.headers()["x-request-id"]).toBe(body.request_id);
      ids.add(body.request_id);
    }
    expect(ids.size).toBe(responses.length);
  });
});

test.describe("GET /api/v1/codes", () => {
  /** The 29 codes of the seed catalog (lib/catalog/seed/error-envelope-catalog.md). */
  const SEED_CODES = [
    "api_key.invalid_format",
    "api_key.not_found",
    "api_key.revoked",
    "api_key.org_mismatch",
    "api_key.scope_denied",
    "api_key.org_inactive",
    "registration.title_required",
    "registration.filename_required",
    "registration.creators_required",
    "registration.commitment_invalid",
    "registration.upload_session_not_found",
    "registration.upload_session_forbidden",
    "registration.audio_too_large",
    "registration.audio_empty",
    "registration.dry_run_failed",
    "registration.prepared_not_found",
    "registration.prepared_forbidden",
    "api_key.invalid_name",
    "api_key.scopes_required",
    "api_key.unknown_scope",
    "api_key.webhook_url_invalid",
    "api_key.limit_reached",
    "common.bad_request",
    "common.unauthorized",
    "common.forbidden",
    "common.not_found",
    "common.validation_failed",
    "common.quota_exceeded",
    "common.service_unavailable",
  ];
  /** Codes Errata itself answers with, which its catalog lists like any other. */
  const ERRATA_CODES = ["auth.key_invalid", "auth.key_revoked", "auth.scope_denied", "ingest.payload_too_large"];

  test("lists every seed code and Errata's own codes", async ({ request }) => {
    expect(SEED_CODES).toHaveLength(29);
    const response = await request.get("/api/v1/codes", { headers: bearer(e2eKeys().read) });
    expect(response.status()).toBe(200);
    const { codes } = (await response.json()) as { codes: { code: string }[] };
    const listed = codes.map((entry) => entry.code);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining([...SEED_CODES, ...ERRATA_CODES]));
  });

  test("needs a key with the read scope", async ({ request }) => {
    await expectEnvelope(await request.get("/api/v1/codes"), 401, "common.unauthorized");
  });
});
