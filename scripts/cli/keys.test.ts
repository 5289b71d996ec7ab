import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/auth/api-key-secret";
import { authenticateKey } from "@/lib/auth/authenticate";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { runCli } from "./test-support";

const database = setupFreshDatabasePerTest();

/** A calendar date about a year ahead, well inside the ten-year limit on expiries. */
const NEXT_YEAR = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);

async function createKey(name: string, scopes: string): Promise<string> {
  const result = await runCli("keys", "create", "--name", name, "--scopes", scopes);
  expect(result.status).toBe(0);
  const key = result.out.at(-1) ?? "";
  expect(key).toMatch(/^erk_\S+$/);
  return key;
}

/** Every stored column of every key, as the database holds them. */
async function storedKeyRows() {
  const { db, t } = database;
  return db.select().from(t.apiKeys).orderBy(t.apiKeys.id);
}

describe("keys create", () => {
  it("prints a summary, then the key alone on the last line; the key authenticates and only its hash is stored", async () => {
    const result = await runCli("keys", "create", "--name", "deploy-bot", "--scopes", "ingest,read");
    expect(result.status).toBe(0);
    const key = result.out.at(-1) ?? "";
    expect(result.outText).toMatch(/deploy-bot[\s\S]*ingest, read[\s\S]*store it now/);
    expect(result.out.slice(0, -1).join("\n")).not.toContain(key);

    const actor = await authenticateKey(`Bearer ${key}`, "ingest");
    expect(actor.scopes).toEqual(["ingest", "read"]);
    await expect(authenticateKey(`Bearer ${key}`, "admin")).rejects.toThrow(/scope/);

    const [row, ...others] = await storedKeyRows();
    expect(others).toHaveLength(0);
    expect(row?.hash).toBe(hashApiKey(key));
    for (const value of Object.values(row ?? {})) expect(String(value)).not.toContain(key);
  });

  it.each([
    [["--name", "x", "--scopes", "ingest,write"], /unknown scope "write"/],
    [["--name", "x", "--scopes", " , "], /at least one scope/],
    [["--name", "x"], /at least one scope/],
    [["--scopes", "read"], /name/],
    [["--name", "   ", "--scopes", "read"], /name/],
    [["--name", "n".repeat(101), "--scopes", "read"], /at most 100/],
    [["--name", "x", "--scopes", "read", "--owner", "me"], /Unknown option '--owner'/],
    [["--name", "x", "--scopes", "read", "--expires", "2020-01-01"], /--expires: 2020-01-01 is not in the future/],
    [["--name", "x", "--scopes", "read", "--expires", "soon"], /--expires: "soon" is not a date/],
    [["--name", "x", "--scopes", "read", "--expires"], /argument missing/],
  ])("refuses %j with a clear error and exit 1", async (args, message) => {
    const result = await runCli("keys", "create", ...args);
    expect(result.status).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.errText).toMatch(message);
    expect(await storedKeyRows()).toHaveLength(0);
  });

  it("accepts a 100-character name and repeated scopes once", async () => {
    const key = await createKey("n".repeat(100), "read,read,admin");
    expect((await authenticateKey(`Bearer ${key}`, "admin")).scopes).toEqual(["read", "admin"]);
  });
});

describe("keys create options", () => {
  it("--signing-secret prints the secret on its own labelled line, the key still alone on the last line", async () => {
    const result = await runCli("keys", "create", "--name", "hooks", "--scopes", "ingest", "--signing-secret");
    expect(result.status).toBe(0);
    const key = result.out.at(-1) ?? "";
    expect(key).toMatch(/^erk_\S+$/);
    const secretLine = result.out.find((line) => line.startsWith("signing secret: ")) ?? "";
    const signingSecret = secretLine.slice("signing secret: ".length);
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(result.outText).toMatch(/Errata-Signature/);
    expect((await authenticateKey(`Bearer ${key}`, "ingest")).hasSigningSecret).toBe(true);
    expect((await storedKeyRows())[0]?.signingSecret).toBe(signingSecret);
  });

  it("--expires takes a date (00:00 UTC that day) or a number of days", async () => {
    const dated = await runCli("keys", "create", "--name", "dated", "--scopes", "read", "--expires", NEXT_YEAR);
    expect(dated.status).toBe(0);
    expect(dated.outText).toContain(`expires  ${NEXT_YEAR} 00:00 UTC`);

    const before = Date.now();
    expect((await runCli("keys", "create", "--name", "month", "--scopes", "read", "--expires", "30d")).status).toBe(0);
    const rows = await storedKeyRows();
    expect(rows.find((row) => row.name === "dated")?.expiresAt).toBe(Date.parse(`${NEXT_YEAR}T00:00:00Z`));
    const month = Number(rows.find((row) => row.name === "month")?.expiresAt);
    expect(month - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect(month - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it("without options the key never expires and needs no signature", async () => {
    const result = await runCli("keys", "create", "--name", "plain", "--scopes", "ingest");
    expect(result.outText).toContain("expires  never");
    expect(result.outText).not.toMatch(/signing secret/);
    expect((await storedKeyRows())[0]).toMatchObject({ expiresAt: null, signingSecret: null });
  });
});

describe("keys list", () => {
  it("shows prefix, name, scopes and times but never the key or its hash", async () => {
    const key = await createKey("reporting", "read");
    const result = await runCli("keys", "list");
    expect(result.status).toBe(0);
    const text = result.outText;
    expect(result.out[0]).toMatch(/PREFIX\s+NAME\s+SCOPES\s+SIGNED\s+CREATED\s+LAST USED\s+EXPIRES\s+STATUS/);
    expect(text).toContain(key.slice(0, 12));
    expect(text).toContain("reporting");
    expect(text).not.toContain(key);
    expect(text).not.toContain(hashApiKey(key));
  });

  it("shows expiry, signing and status (active, expired, revoked) but never the signing secret", async () => {
    await runCli("keys", "create", "--name", "signed", "--scopes", "ingest", "--signing-secret", "--expires", NEXT_YEAR);
    const old = await createKey("old", "read");
    await runCli("keys", "revoke", old.slice(0, 12));
    // An expiry in the past cannot be created through the CLI, so this row is written directly.
    await database.db.insert(database.t.apiKeys).values({ name: "lapsed", prefix: "erk_lapsed00", hash: "h", scopes: ["read"], createdAt: 1, expiresAt: 2 });

    const result = await runCli("keys", "list");
    expect(result.outText).toMatch(new RegExp(`signed\\s+ingest\\s+yes\\s+\\S+ \\S+ UTC\\s+never\\s+${NEXT_YEAR} 00:00 UTC\\s+active`));
    expect(result.outText).toMatch(/old\s+read\s+no\s+\S+ \S+ UTC\s+never\s+never\s+revoked \S+ \S+ UTC/);
    expect(result.outText).toMatch(/lapsed\s+read\s+no\s+1970-01-01 00:00 UTC\s+never\s+1970-01-01 00:00 UTC\s+expired/);
    expect(result.outText).not.toContain("whsec_");
  });

  it("says how to create a key when there is none", async () => {
    expect((await runCli("keys", "list")).outText).toMatch(/No API keys yet/);
  });
});

describe("keys revoke", () => {
  it("revokes the one active key matching a prefix, after which it no longer authenticates", async () => {
    const key = await createKey("old", "ingest");
    const other = await createKey("new", "ingest");
    const result = await runCli("keys", "revoke", key.slice(0, 10));
    expect(result.status).toBe(0);
    expect(result.outText).toContain(key.slice(0, 12));
    await expect(authenticateKey(`Bearer ${key}`, "ingest")).rejects.toThrow(/revoked/);
    expect((await authenticateKey(`Bearer ${other}`, "ingest")).scopes).toEqual(["ingest"]);
    expect((await runCli("keys", "list")).outText).toMatch(/old\s+ingest\s+no\s+\S+ \S+ UTC\s+never\s+never\s+revoked \S+ \S+ UTC/);
  });

  it("refuses a prefix that matches several active keys unless --all is given", async () => {
    const first = await createKey("a", "read");
    const second = await createKey("b", "read");
    const refused = await runCli("keys", "revoke", "erk_");
    expect(refused.status).toBe(1);
    expect(refused.errText).toMatch(/matches 2 active keys[\s\S]*--all/);
    expect((await authenticateKey(`Bearer ${first}`, "read")).scopes).toEqual(["read"]);

    const all = await runCli("keys", "revoke", "erk_", "--all");
    expect(all.status).toBe(0);
    expect(all.out).toHaveLength(2);
    for (const key of [first, second]) await expect(authenticateKey(`Bearer ${key}`, "read")).rejects.toThrow(/revoked/);
  });

  it("exits non-zero when nothing matches, including an already revoked key", async () => {
    const key = await createKey("gone", "read");
    expect((await runCli("keys", "revoke", "erk_nomatch")).status).toBe(1);
    expect((await runCli("keys", "revoke", key.slice(0, 12))).status).toBe(0);
    const again = await runCli("keys", "revoke", key.slice(0, 12));
    expect(again.status).toBe(1);
    expect(again.errText).toMatch(/No active API key/);
    expect((await runCli("keys", "revoke")).status).toBe(1);
  });
});

describe("command dispatch", () => {
  it("prints usage for help and no command (exit 0) and for an unknown command (exit 1)", async () => {
    expect((await runCli("help")).status).toBe(0);
    expect((await runCli()).outText).toMatch(/keys create --name NAME --scopes ingest,read/);
    const unknown = await runCli("frobnicate");
    expect(unknown.status).toBe(1);
    expect(unknown.errText).toMatch(/unknown command "frobnicate"[\s\S]*Usage/);
    expect((await runCli("keys", "rotate")).status).toBe(1);
  });
});
