import { describe, expect, it } from "vitest";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { createApiKey, findSigningSecret, listApiKeys, revokeApiKeyById, revokeApiKeysByPrefix } from "./api-keys";

const database = setupFreshDatabasePerTest();

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);

describe("api key queries", () => {
  it("stores the key's hash and the signing secret as issued, and returns the secrets only from create", () => {
    const created = createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true, expiresAt: NOW + 1000, now: NOW });
    expect(created.signingSecret).toMatch(/^whsec_/);
    expect(created.key).toEqual({
      id: created.key.id,
      name: "signed",
      prefix: created.secret.slice(0, 12),
      scopes: ["ingest"],
      createdAt: NOW,
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: NOW + 1000,
      hasSigningSecret: true,
    });
    const row = rawSqlite(database.db).prepare("select hash, signing_secret from api_keys").get() as { hash: string; signing_secret: string };
    expect(row.signing_secret).toBe(created.signingSecret);
    expect(row.hash).not.toContain(created.secret);
  });

  it("never puts the hash or the signing secret in a list or a revocation result", () => {
    const created = createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    createApiKey({ name: "plain", scopes: ["read"] });
    const results = [listApiKeys(), revokeApiKeyById(created.key.id), revokeApiKeysByPrefix("erk_")];
    const text = JSON.stringify(results);
    const hashes = rawSqlite(database.db).prepare("select hash from api_keys").pluck().all() as string[];
    expect(text).not.toContain("whsec_");
    for (const hash of hashes) expect(text).not.toContain(hash);
    for (const key of listApiKeys()) expect(Object.keys(key)).not.toContain("hash");
    expect(listApiKeys().map((key) => [key.name, key.hasSigningSecret])).toEqual([
      ["plain", false],
      ["signed", true],
    ]);
  });

  it("reads a signing secret by key id, and null for keys without one", () => {
    const signed = createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    const plain = createApiKey({ name: "plain", scopes: ["ingest"] });
    expect(findSigningSecret(signed.key.id)).toBe(signed.signingSecret);
    expect(findSigningSecret(plain.key.id)).toBeNull();
    expect(findSigningSecret(9999)).toBeNull();
  });

  it("revokes by id once, keeping the first revocation time; unknown ids give undefined", () => {
    const { key } = createApiKey({ name: "k", scopes: ["ingest"] });
    expect(revokeApiKeyById(key.id, NOW)?.revokedAt).toBe(NOW);
    expect(revokeApiKeyById(key.id, NOW + 5000)?.revokedAt).toBe(NOW);
    expect(revokeApiKeyById(key.id + 1, NOW)).toBeUndefined();
  });
});
