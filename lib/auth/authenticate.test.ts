import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKeyById } from "@/db/queries/api-keys";
import { ApiError } from "@/lib/http/api-error";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";

setupFreshDatabasePerTest();

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

function refusal(authorization: string | null, now = NOW) {
  try {
    authenticateKey(authorization, "ingest", now);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected the key to be refused");
}

describe("authenticateKey", () => {
  it("resolves a valid key to its actor, without its secret", () => {
    const { secret, key } = createApiKey({ name: "svc", scopes: ["ingest", "read"], now: NOW - DAY });
    const actor = authenticateKey(`Bearer ${secret}`, "ingest", NOW);
    expect(actor).toEqual({ kind: "key", keyId: key.id, prefix: key.prefix, scopes: ["ingest", "read"], hasSigningSecret: false });
    expect(JSON.stringify(actor)).not.toContain(secret);
  });

  it("refuses a missing header, a malformed header and an unknown key", () => {
    expect(refusal(null)).toMatchObject({ status: 401, code: "common.unauthorized" });
    expect(refusal("Basic abc")).toMatchObject({ status: 401, code: "common.unauthorized", details: { reason: "malformed_authorization_header" } });
    expect(refusal("Bearer erk_not_a_real_key")).toEqual({ status: 401, code: "auth.key_invalid", details: {} });
  });

  it("refuses a revoked key with its prefix and revocation time", () => {
    const { secret, key } = createApiKey({ name: "old", scopes: ["ingest"], now: NOW - DAY });
    revokeApiKeyById(key.id, NOW - 1000);
    expect(refusal(`Bearer ${secret}`)).toEqual({
      status: 401,
      code: "auth.key_revoked",
      details: { prefix: key.prefix, revoked_at: new Date(NOW - 1000).toISOString() },
    });
  });

  it("accepts a key until its expiry moment and refuses it from then on with auth.key_expired", () => {
    const expiresAt = NOW + 1000;
    const { secret, key } = createApiKey({ name: "temp", scopes: ["ingest"], expiresAt, now: NOW - DAY });
    expect(authenticateKey(`Bearer ${secret}`, "ingest", expiresAt - 1).keyId).toBe(key.id);
    for (const now of [expiresAt, expiresAt + DAY]) {
      expect(refusal(`Bearer ${secret}`, now)).toEqual({
        status: 401,
        code: "auth.key_expired",
        details: { prefix: key.prefix, expired_at: new Date(expiresAt).toISOString() },
      });
    }
  });

  it("reports revocation over expiry when both apply, since revocation is final", () => {
    const { secret, key } = createApiKey({ name: "both", scopes: ["ingest"], expiresAt: NOW - DAY, now: NOW - 2 * DAY });
    revokeApiKeyById(key.id, NOW - 1000);
    expect(refusal(`Bearer ${secret}`).code).toBe("auth.key_revoked");
  });

  it("refuses a valid key without the scope with 403, after the 401 checks", () => {
    const { secret } = createApiKey({ name: "reader", scopes: ["read"] });
    expect(refusal(`Bearer ${secret}`)).toEqual({ status: 403, code: "auth.scope_denied", details: { required: "ingest", granted: ["read"] } });
  });

  it("tells the actor whether the key signs its submissions", () => {
    const { secret } = createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    expect(authenticateKey(`Bearer ${secret}`, "ingest", NOW).hasSigningSecret).toBe(true);
  });
});
