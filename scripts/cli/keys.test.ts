import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashApiKey } from "@/lib/auth/api-key-secret";
import { authenticateKey } from "@/lib/auth/authenticate";
import { useFreshDatabase } from "@/lib/testing/test-db";
import type { CliIo } from "./io";
import { main } from "./main";

let database: ReturnType<typeof useFreshDatabase>;
beforeEach(() => {
  database = useFreshDatabase();
});
afterEach(() => database.cleanup());

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (line) => out.push(...line.split("\n")), err: (line) => err.push(...line.split("\n")) };
  const status = main(argv, io);
  return { status, out, err };
}

function createKey(name: string, scopes: string): string {
  const result = run("keys", "create", "--name", name, "--scopes", scopes);
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
    const result = run("keys", "create", "--name", "deploy-bot", "--scopes", "ingest,read");
    expect(result.status).toBe(0);
    const key = result.out.at(-1) ?? "";
    expect(result.out.join("\n")).toMatch(/deploy-bot[\s\S]*ingest, read[\s\S]*store it now/);
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
    const result = run("keys", "create", ...args);
    expect(result.status).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err.join("\n")).toMatch(message);
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
    const result = run("keys", "list");
    expect(result.status).toBe(0);
    const text = result.out.join("\n");
    expect(result.out[0]).toMatch(/PREFIX\s+NAME\s+SCOPES\s+CREATED\s+LAST USED\s+REVOKED/);
    expect(text).toContain(key.slice(0, 12));
    expect(text).toContain("reporting");
    expect(text).not.toContain(key);
    expect(text).not.toContain(hashApiKey(key));
  });

  it("says how to create a key when there is none", () => {
    expect(run("keys", "list").out.join("\n")).toMatch(/No API keys yet/);
  });
});

describe("keys revoke", () => {
  it("revokes the one active key matching a prefix, after which it no longer authenticates", () => {
    const key = createKey("old", "ingest");
    const other = createKey("new", "ingest");
    const result = run("keys", "revoke", key.slice(0, 10));
    expect(result.status).toBe(0);
    expect(result.out.join("\n")).toContain(key.slice(0, 12));
    expect(() => authenticateKey(`Bearer ${key}`, "ingest")).toThrow(/revoked/);
    expect(authenticateKey(`Bearer ${other}`, "ingest").scopes).toEqual(["ingest"]);
    expect(run("keys", "list").out.join("\n")).toMatch(/old\s+ingest\s+\S+ \S+ UTC\s+never\s+\S+ \S+ UTC/);
  });

  it("refuses a prefix that matches several active keys unless --all is given", () => {
    const first = createKey("a", "read");
    const second = createKey("b", "read");
    const refused = run("keys", "revoke", "erk_");
    expect(refused.status).toBe(1);
    expect(refused.err.join("\n")).toMatch(/matches 2 active keys[\s\S]*--all/);
    expect(authenticateKey(`Bearer ${first}`, "read").scopes).toEqual(["read"]);

    const all = run("keys", "revoke", "erk_", "--all");
    expect(all.status).toBe(0);
    expect(all.out).toHaveLength(2);
    for (const key of [first, second]) expect(() => authenticateKey(`Bearer ${key}`, "read")).toThrow(/revoked/);
  });

  it("exits non-zero when nothing matches, including an already revoked key", () => {
    const key = createKey("gone", "read");
    expect(run("keys", "revoke", "erk_nomatch").status).toBe(1);
    expect(run("keys", "revoke", key.slice(0, 12)).status).toBe(0);
    const again = run("keys", "revoke", key.slice(0, 12));
    expect(again.status).toBe(1);
    expect(again.err.join("\n")).toMatch(/No active API key/);
    expect(run("keys", "revoke").status).toBe(1);
  });
});

describe("command dispatch", () => {
  it("prints usage for help and no command (exit 0) and for an unknown command (exit 1)", () => {
    expect(run("help").status).toBe(0);
    expect(run().out.join("\n")).toMatch(/keys create --name NAME --scopes ingest,read/);
    const unknown = run("frobnicate");
    expect(unknown.status).toBe(1);
    expect(unknown.err.join("\n")).toMatch(/unknown command "frobnicate"[\s\S]*Usage/);
    expect(run("keys", "rotate").status).toBe(1);
  });
});
