import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { createApiKey, findSigningSecret, listApiKeys, revokeApiKeyById, revokeApiKeysByPrefix } from "./api-keys";

const database = setupFreshDatabasePerTest();

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);

describe("api key queries", async () => {
  it("stores the key's hash and the signing secret as issued, and returns the secrets only from create", async () => {
    const created = await createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true, expiresAt: NOW + 1000, now: NOW });
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
    const [row] = await database.db.select({ hash: database.t.apiKeys.hash, signingSecret: database.t.apiKeys.signingSecret }).from(database.t.apiKeys);
    expect(row?.signingSecret).toBe(created.signingSecret);
    expect(row?.hash).not.toContain(created.secret);
  });

  it("never puts the hash or the signing secret in a list or a revocation result", async () => {
    const created = await createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    await createApiKey({ name: "plain", scopes: ["read"] });
    const results = [await listApiKeys(), await revokeApiKeyById(created.key.id), await revokeApiKeysByPrefix("erk_")];
    const text = JSON.stringify(results);
    const hashes = (await database.db.select({ hash: database.t.apiKeys.hash }).from(database.t.apiKeys)).map((key) => key.hash);
    expect(text).not.toContain("whsec_");
    for (const hash of hashes) expect(text).not.toContain(hash);
    for (const key of await listApiKeys()) expect(Object.keys(key)).not.toContain("hash");
    expect((await listApiKeys()).map((key) => [key.name, key.hasSigningSecret])).toEqual([
      ["plain", false],
      ["signed", true],
    ]);
  });

  it("reads a signing secret by key id, and null for keys without one", async () => {
    const signed = await createApiKey({ name: "signed", scopes: ["ingest"], signingSecret: true });
    const plain = await createApiKey({ name: "plain", scopes: ["ingest"] });
    expect(await findSigningSecret(signed.key.id)).toBe(signed.signingSecret);
    expect(await findSigningSecret(plain.key.id)).toBeNull();
    expect(await findSigningSecret(9999)).toBeNull();
  });

  it("revokes by id once, keeping the first revocation time; unknown ids give undefined", async () => {
    const { key } = await createApiKey({ name: "k", scopes: ["ingest"] });
    expect((await revokeApiKeyById(key.id, NOW))?.revokedAt).toBe(NOW);
    expect((await revokeApiKeyById(key.id, NOW + 5000))?.revokedAt).toBe(NOW);
    expect(await revokeApiKeyById(key.id + 1, NOW)).toBeUndefined();
  });
});
