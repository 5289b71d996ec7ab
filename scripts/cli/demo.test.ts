import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { runCli } from "./test-support";

const database = setupFreshDatabasePerTest();

function count(query: string): number {
  const sqlite = new Database(database.file, { readonly: true });
  try {
    return (sqlite.prepare(query).pluck().get() as number | null) ?? 0;
  } finally {
    sqlite.close();
  }
}

describe("demo", () => {
  it("stores the traffic with rollups and catalog flags, and a second run with the same seed adds nothing", async () => {
    const first = await runCli("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(first.status).toBe(0);
    const stored = count("select count(*) from events");
    expect(stored).toBeGreaterThan(3000);
    expect(first.outText).toContain(`Stored ${stored.toLocaleString("en-US")} new events`);
    expect(first.outText).toMatch(/Spike: common\.quota_exceeded in org_bandcraft/);
    expect(first.outText).toMatch(/req_[0-9a-f]{24}/);
    expect(first.outText).toContain("http://localhost:");
    expect(count("select sum(count) from hourly_rollups")).toBe(stored);
    expect(count("select count(*) from organizations")).toBe(4);
    expect(count("select count(*) from organizations where id = 'org_acme_music' and name = 'Acme Music Group'")).toBe(1);
    expect(count("select count(*) from events where catalog_flag = 'details_mismatch'")).toBeGreaterThan(0);

    const second = await runCli("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(second.status).toBe(0);
    expect(second.outText).toMatch(/already stored[\s\S]*nothing was duplicated/);
    expect(count("select count(*) from events")).toBe(stored);
    expect(count("select sum(count) from hourly_rollups")).toBe(stored);
  });

  it.each([
    [["--days", "0"], /--days must be a whole number/],
    [["--orgs", "99"], /--orgs must be a whole number from 1 to 12/],
    [["--seed", "abc"], /--seed/],
    [["--events", "1e4"], /--events/],
    [["--verbose"], /Unknown option/],
  ])("refuses %j", async (args, message) => {
    const result = await runCli("demo", ...args);
    expect(result.status).toBe(1);
    expect(result.errText).toMatch(message);
    expect(count("select count(*) from events")).toBe(0);
  });
});
