import { beforeEach, describe, expect, it, vi } from "vitest";
import { authenticateKey } from "@/lib/auth/authenticate";
import { setRequestHeaders } from "@/lib/testing/request-headers";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { createKey, loadApiKeys, revokeKey, type CreateKeyInput } from "./keys";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

setupFreshDatabasePerTest();

beforeEach(async () => {
  setRequestHeaders(await signedInHeaders("admin"));
});

const input = (overrides: Partial<CreateKeyInput> = {}): CreateKeyInput => ({
  name: "registrations-api",
  scopes: ["ingest"],
  signingSecret: false,
  expiresOn: "",
  ...overrides,
});

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

describe("key actions", () => {
  it("creates a working key and returns it (and the signing secret) once; the list never shows either", async () => {
    const result = await createKey(input({ signingSecret: true, scopes: ["ingest", "read", "ingest"] }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.secret).toMatch(/^erk_/);
    expect(result.signingSecret).toMatch(/^whsec_/);
    expect(result.key).toMatchObject({ name: "registrations-api", scopes: ["ingest", "read"], hasSigningSecret: true, status: "active" });
    expect((await authenticateKey(`Bearer ${result.secret}`, "read")).keyId).toBe(result.key.id);

    const listed = JSON.stringify(await loadApiKeys());
    expect(listed).toContain(result.key.prefix);
    expect(listed).not.toContain(result.secret);
    expect(listed).not.toContain(result.signingSecret);
  });

  it("sets the expiry to 00:00 UTC of the chosen date", async () => {
    const date = inAYear();
    const result = await createKey(input({ expiresOn: date }));
    expect(result.ok && result.key.expiresAt).toBe(Date.parse(`${date}T00:00:00Z`));
  });

  it.each([
    [input({ name: "   " }), { name: "Give the key a name." }],
    [input({ name: "n".repeat(101) }), { name: "Use at most 100 characters." }],
    [input({ scopes: [] }), { scopes: "Choose at least one scope." }],
    [input({ expiresOn: "2020-01-01" }), { expiresOn: "2020-01-01 is not in the future." }],
    [{ ...input(), scopes: ["write"] }, { scopes: expect.any(String) }],
    ["not an object", { name: "The form could not be read." }],
  ])("returns problems for a bad form instead of creating a key (%#)", async (bad, problems) => {
    expect(await createKey(bad)).toEqual({ ok: false, problems });
    expect(await loadApiKeys()).toEqual([]);
  });

  it("revokes by id, after which the key is refused and listed as revoked", async () => {
    const created = await createKey(input());
    if (!created.ok) throw new Error("expected a key");
    expect(await revokeKey({ id: created.key.id })).toMatchObject({ id: created.key.id, status: "revoked" });
    await expect(authenticateKey(`Bearer ${created.secret}`, "ingest")).rejects.toThrow(/revoked/);
    expect((await loadApiKeys())[0]?.status).toBe("revoked");
    expect(await revokeKey({ id: created.key.id + 1 })).toBeNull();
    await expect(revokeKey({ id: "1" })).rejects.toThrow();
  });
});
