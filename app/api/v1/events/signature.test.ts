import { describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { computeSignature, signatureHeaderFor } from "@/lib/auth/signature-header";
import { BASE_URL, bearer, countRows, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { ndjson, wireEvent } from "@/lib/testing/ingest-fixtures";
import { POST } from "./route";

// POST /api/v1/events with keys that have a signing secret (API.md: optional webhook signature).
const handler = setupHandlerTests();

async function signedKey() {
  const created = await createApiKey({ name: "signed sender", scopes: ["ingest"], signingSecret: true });
  if (!created.signingSecret) throw new Error("expected a signing secret");
  return { key: created.secret, signingSecret: created.signingSecret };
}

function post(body: string, key: string, signature?: string, contentType = "application/json") {
  const headers: Record<string, string> = { ...bearer(key), "content-type": contentType };
  if (signature !== undefined) headers["errata-signature"] = signature;
  return POST(new Request(`${BASE_URL}/api/v1/events`, { method: "POST", body, headers }), routeContext());
}

function storedCount(): Promise<number> {
  return countRows(handler, handler.t.events);
}

const body = (n = 1) => JSON.stringify({ events: [wireEvent({ request_id: `req_signed_${n}` })] });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("POST /api/v1/events — signed keys", () => {
  it("stores a correctly signed submission", async () => {
    const { key, signingSecret } = await signedKey();
    const response = await post(body(), key, signatureHeaderFor(signingSecret, body(), Date.now()));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it("verifies NDJSON over the raw bytes as sent", async () => {
    const { key, signingSecret } = await signedKey();
    const text = `${ndjson([wireEvent({ request_id: "req_nd_1" }), wireEvent({ request_id: "req_nd_2" })])}\n`;
    const response = await post(text, key, signatureHeaderFor(signingSecret, text, Date.now()), "application/x-ndjson");
    expect(response.status).toBe(202);
    expect(await storedCount()).toBe(2);
  });

  const refusals: [reason: string, header: () => string | undefined][] = [
    ["missing", () => undefined],
    ["malformed", () => "sha256=abc"],
    ["mismatch", () => signatureHeaderFor("whsec_not_this_keys_secret", body(), Date.now())],
  ];
  it.each(refusals)("refuses a %s signature with 401 auth.signature_invalid and stores nothing", async (reason, header) => {
    const { key } = await signedKey();
    const refused = await expectEnvelope(await post(body(), key, header()), 401, "auth.signature_invalid");
    expect(refused.details).toEqual({ reason });
    expect(await storedCount()).toBe(0);
  });

  it("refuses a signature over another body (tampered in transit)", async () => {
    const { key, signingSecret } = await signedKey();
    const refused = await expectEnvelope(await post(body(2), key, signatureHeaderFor(signingSecret, body(1), Date.now())), 401, "auth.signature_invalid");
    expect(refused.details).toEqual({ reason: "mismatch" });
  });

  it.each([
    ["old", -301],
    ["future", 301],
  ])("refuses an %s timestamp outside the 5-minute window with 401 auth.signature_expired", async (_label, offset) => {
    const { key, signingSecret } = await signedKey();
    const t = nowSeconds() + offset;
    const refused = await expectEnvelope(await post(body(), key, `t=${t},v1=${computeSignature(signingSecret, String(t), body())}`), 401, "auth.signature_expired");
    expect(refused.details).toEqual({ tolerance_seconds: 300, timestamp: t });
    expect(await storedCount()).toBe(0);
  });

  it("accepts a header carrying the old and the new secret's signatures during a rotation", async () => {
    const { key, signingSecret } = await signedKey();
    const t = String(nowSeconds());
    const header = `t=${t},v1=${computeSignature("whsec_previous_secret", t, body())},v1=${computeSignature(signingSecret, t, body())}`;
    expect((await post(body(), key, header)).status).toBe(202);
  });

  it("checks the signature before validating the events, and validates signed bodies as usual", async () => {
    const { key, signingSecret } = await signedKey();
    const invalid = JSON.stringify({ events: [wireEvent({ code: "Not A Code" })] });
    await expectEnvelope(await post(invalid, key), 401, "auth.signature_invalid");
    await expectEnvelope(await post(invalid, key, signatureHeaderFor(signingSecret, invalid, Date.now())), 422, "common.validation_failed");
  });

  it("ignores Errata-Signature for keys without a signing secret", async () => {
    for (const header of [undefined, "garbage", signatureHeaderFor("whsec_anything", body(), Date.now() - 3_600_000)]) {
      const response = await post(body(), handler.keys.ingest, header);
      expect(response.status).toBe(202);
    }
    expect(await storedCount()).toBe(1);
  });
});

describe("POST /api/v1/events — expiring keys", () => {
  it("accepts a key before its expiry and refuses an expired one with 401 auth.key_expired", async () => {
    const live = await createApiKey({ name: "live", scopes: ["ingest"], expiresAt: Date.now() + 60_000 });
    expect((await post(body(1), live.secret)).status).toBe(202);

    const expiresAt = Date.now() - 1;
    const expired = await createApiKey({ name: "expired", scopes: ["ingest"], expiresAt, now: expiresAt - 60_000 });
    const refused = await expectEnvelope(await post(body(2), expired.secret), 401, "auth.key_expired");
    expect(refused.details).toEqual({ prefix: expired.key.prefix, expired_at: new Date(expiresAt).toISOString() });
  });
});
