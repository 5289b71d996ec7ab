import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKeyById } from "@/db/queries/api-keys";
import { rejectedApiError } from "@/lib/testing/api-error";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";

setupFreshDatabasePerTest();

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

async function refusal(authorization: string | null, now = NOW) {
  const error = await rejectedApiError(authenticateKey(authorization, "ingest", now));
  return { status: error.status, code: error.code, details: error.details };
}

describe("authenticateKey", () => {
  it("resolves a valid key to its actor, without its secret", async () => {
    const { secret, key } = await createApiKey({ name: "svc", scopes: ["ingest", "read"], now: NOW - DAY });
    const actor = await authenticateKey(`Bearer ${secret}`, "ingest", NOW);
    expect(actor).toEqual({ kind: "key", keyId: key.id, prefix: key.prefix, scopes: ["ingest", "read"], hasSigningSecret: false });
    expect(JSON.stringify(actor)).not.toContain(secret);
  });

  it("refuses a missing header, a malformed header and an unknown key", async () => {
    expect(await refusal(null)).toMatchObject({ status: 401, code: "common.unauthorized" });
    expect(await refusal("Basic abc")).toMatchObject({ status: 401, code: "common.unauthorized", details: { reason: "malformed_authorization_header" } });
    expect(await refusal("Bearer erk_not_a_real_key")).toEqual({ status: 401, code: "auth.key_invalid", details: {} });
  });

  it("refuses a revoked key with its prefix and revocation time", async () => {
    const { secret, key } = await createApiKey({ name: "old", scopes: ["ingest"], now: NOW - DAY });
    await revokeApiKeyById(key.id, NOW - 1000);
    expect(await refusal(`Bearer ${secret}`)).toEqual({
      status: 401,
      code: "auth.key_revoked",
      details: { prefix: key.prefix, revoked_at: new Date(NOW - 1000).toISOString() },
    });
  });

  it("accepts a key until its expiry moment and refuses it from then on with auth.key_expired", async () => {
    const expiresAt = NOW + 1000;
    const { secret, key } = await createApiKey({ name: "temp", scopes: ["ingest"], expiresAt, now: NOW - DAY });
    expect((await authenticateKey(`Bearer ${secret}`, "ingest", expiresAt - 1)).keyId).toBe(key.id);
    for (const now of [expiresAt, expiresAt + DAY]) {
      expect(await refusal(`Bearer ${secret}`, now)).toEqual({
        status: 401,
        code: "auth.key_expired",
        details: { prefix: key.prefix, expired_at: new Date(expiresAt).toISOString() },
      });
    }
  });

  it("reports revocation over expiry when both apply, since revocation is final", async () => {
    const { secret, key } = await createApiKey({ name: "both", scopes: ["ingest"], expiresAt: NOW - DAY, now: NOW - 2 * DAY });
    await revokeApiKeyById(key.id, NOW - 1000);
    expect((await refusal(`Bearer ${secret}`)).code).toBe("auth.key_revoked");
  });

  it("refuses a valid key without the scope with 403, after the 401 checks", async () => {
    const { secret } = await createApiKey({ name: "reader", scopes: ["read"] });
    expect(await refusal(`Bearer ${secret}`)).toEqual({ status: 403, code: "auth.scope_denied", details: { required: "ingest", granted: ["read"] } });
  });

  it("tells the actor whether the key signs its submissions", async () => {
    const { secret } = await createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    expect((await authenticateKey(`Bearer ${secret}`, "ingest", NOW)).hasSigningSecret).toBe(true);
  });
});
