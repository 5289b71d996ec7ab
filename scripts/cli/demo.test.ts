import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
  const io: CliIo = { out: (line) => out.push(line), err: (line) => err.push(line) };
  return { status: main(argv, io), out: out.join("\n"), err: err.join("\n") };
}

function count(query: string): number {
  const sqlite = new Database(database.file, { readonly: true });
  try {
    return (sqlite.prepare(query).pluck().get() as number | null) ?? 0;
  } finally {
    sqlite.close();
  }
}

describe("demo", () => {
  it("stores the traffic with rollups and catalog flags, and a second run with the same seed adds nothing", () => {
    const first = run("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(first.status).toBe(0);
    const stored = count("select count(*) from events");
    expect(stored).toBeGreaterThan(3000);
    expect(first.out).toContain(`Stored ${stored.toLocaleString("en-US")} new events`);
    expect(first.out).toMatch(/Spike: common\.quota_exceeded in org_bandcraft/);
    expect(first.out).toMatch(/req_[0-9a-f]{24}/);
    expect(first.out).toContain("http://localhost:");
    expect(count("select sum(count) from hourly_rollups")).toBe(stored);
    expect(count("select count(*) from organizations")).toBe(4);
    expect(count("select count(*) from events where catalog_flag = 'details_mismatch'")).toBeGreaterThan(0);

    const second = run("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(second.status).toBe(0);
    expect(second.out).toMatch(/already stored[\s\S]*nothing was duplicated/);
    expect(count("select count(*) from events")).toBe(stored);
    expect(count("select sum(count) from hourly_rollups")).toBe(stored);
  });

  it.each([
    [["--days", "0"], /--days must be a whole number/],
    [["--orgs", "99"], /--orgs must be a whole number from 1 to 12/],
    [["--seed", "abc"], /--seed/],
    [["--events", "1e4"], /--events/],
    [["--verbose"], /Unknown option/],
  ])("refuses %j", (args, message) => {
    const result = run("demo", ...args);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(message);
    expect(count("select count(*) from events")).toBe(0);
  });
});
