import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/auth/api-key-secret";
import { authenticateKey } from "@/lib/auth/authenticate";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { runCli } from "./test-support";

const database = setupFreshDatabasePerTest();

function createKey(name: string, scopes: string): string {
  const result = runCli("keys", "create", "--name", name, "--scopes", scopes);
  expect(result.status).toBe(0);
  const key = result.out.at(-1) ?? "";
  expect(key).toMatch(/^erk_\S+$/);
  return key;
}

function rawApiKeyRows(): Record<string, unknown>[] {
  const sqlite = new Database(database.file, { readonly: true });
  try {
    return sqlite.prepare("select * from api_keys").all() as Record<string, unknown>[];
  } finally {
    sqlite.close();
  }
}

describe("keys create", () => {
  it("prints a summary, then the key alone on the last line; the key authenticates and only its hash is stored", () => {
    const result = runCli("keys", "create", "--name", "deploy-bot", "--scopes", "ingest,read");
    expect(result.status).toBe(0);
    const key = result.out.at(-1) ?? "";
    expect(result.outText).toMatch(/deploy-bot[\s\S]*ingest, read[\s\S]*store it now/);
    expect(result.out.slice(0, -1).join("\n")).not.toContain(key);

    const actor = authenticateKey(`Bearer ${key}`, "ingest");
    expect(actor.scopes).toEqual(["ingest", "read"]);
    expect(() => authenticateKey(`Bearer ${key}`, "admin")).toThrow(/scope/);

    const [row, ...others] = rawApiKeyRows();
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
  ])("refuses %j with a clear error and exit 1", (args, message) => {
    const result = runCli("keys", "create", ...args);
    expect(result.status).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.errText).toMatch(message);
    expect(rawApiKeyRows()).toHaveLength(0);
  });

  it("accepts a 100-character name and repeated scopes once", () => {
    const key = createKey("n".repeat(100), "read,read,admin");
    expect(authenticateKey(`Bearer ${key}`, "admin").scopes).toEqual(["read", "admin"]);
  });
});

describe("keys list", () => {
  it("shows prefix, name, scopes and times but never the key or its hash", () => {
    const key = createKey("reporting", "read");
    const result = runCli("keys", "list");
    expect(result.status).toBe(0);
    const text = result.outText;
    expect(result.out[0]).toMatch(/PREFIX\s+NAME\s+SCOPES\s+CREATED\s+LAST USED\s+REVOKED/);
    expect(text).toContain(key.slice(0, 12));
    expect(text).toContain("reporting");
    expect(text).not.toContain(key);
    expect(text).not.toContain(hashApiKey(key));
  });

  it("says how to create a key when there is none", () => {
    expect(runCli("keys", "list").outText).toMatch(/No API keys yet/);
  });
});

describe("keys revoke", () => {
  it("revokes the one active key matching a prefix, after which it no longer authenticates", () => {
    const key = createKey("old", "ingest");
    const other = createKey("new", "ingest");
    const result = runCli("keys", "revoke", key.slice(0, 10));
    expect(result.status).toBe(0);
    expect(result.outText).toContain(key.slice(0, 12));
    expect(() => authenticateKey(`Bearer ${key}`, "ingest")).toThrow(/revoked/);
    expect(authenticateKey(`Bearer ${other}`, "ingest").scopes).toEqual(["ingest"]);
    expect(runCli("keys", "list").outText).toMatch(/old\s+ingest\s+\S+ \S+ UTC\s+never\s+\S+ \S+ UTC/);
  });

  it("refuses a prefix that matches several active keys unless --all is given", () => {
    const first = createKey("a", "read");
    const second = createKey("b", "read");
    const refused = runCli("keys", "revoke", "erk_");
    expect(refused.status).toBe(1);
    expect(refused.errText).toMatch(/matches 2 active keys[\s\S]*--all/);
    expect(authenticateKey(`Bearer ${first}`, "read").scopes).toEqual(["read"]);

    const all = runCli("keys", "revoke", "erk_", "--all");
    expect(all.status).toBe(0);
    expect(all.out).toHaveLength(2);
    for (const key of [first, second]) expect(() => authenticateKey(`Bearer ${key}`, "read")).toThrow(/revoked/);
  });

  it("exits non-zero when nothing matches, including an already revoked key", () => {
    const key = createKey("gone", "read");
    expect(runCli("keys", "revoke", "erk_nomatch").status).toBe(1);
    expect(runCli("keys", "revoke", key.slice(0, 12)).status).toBe(0);
    const again = runCli("keys", "revoke", key.slice(0, 12));
    expect(again.status).toBe(1);
    expect(again.errText).toMatch(/No active API key/);
    expect(runCli("keys", "revoke").status).toBe(1);
  });
});

describe("command dispatch", () => {
  it("prints usage for help and no command (exit 0) and for an unknown command (exit 1)", () => {
    expect(runCli("help").status).toBe(0);
    expect(runCli().outText).toMatch(/keys create --name NAME --scopes ingest,read/);
    const unknown = runCli("frobnicate");
    expect(unknown.status).toBe(1);
    expect(unknown.errText).toMatch(/unknown command "frobnicate"[\s\S]*Usage/);
    expect(runCli("keys", "rotate").status).toBe(1);
  });
});
