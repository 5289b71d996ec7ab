import { and, count, eq, sum } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { runCli } from "./test-support";

const database = setupFreshDatabasePerTest();

async function storedEvents(catalogFlag?: "details_mismatch"): Promise<number> {
  const { db, t } = database;
  const [row] = await db.select({ n: count() }).from(t.events).where(catalogFlag ? eq(t.events.catalogFlag, catalogFlag) : undefined);
  return row?.n ?? 0;
}

async function rolledUpEvents(): Promise<number> {
  const { db, t } = database;
  const [row] = await db.select({ n: sum(t.hourlyRollups.count).mapWith(Number) }).from(t.hourlyRollups);
  return row?.n ?? 0;
}

async function organizations(name?: { id: string; name: string }): Promise<number> {
  const { db, t } = database;
  const [row] = await db
    .select({ n: count() })
    .from(t.organizations)
    .where(name ? and(eq(t.organizations.id, name.id), eq(t.organizations.name, name.name)) : undefined);
  return row?.n ?? 0;
}

describe("demo", () => {
  it("stores the traffic with rollups and catalog flags, and a second run with the same seed adds nothing", async () => {
    const first = await runCli("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(first.status).toBe(0);
    const stored = await storedEvents();
    expect(stored).toBeGreaterThan(3000);
    expect(first.outText).toContain(`Stored ${stored.toLocaleString("en-US")} new events`);
    expect(first.outText).toMatch(/Spike: common\.quota_exceeded in org_bandcraft/);
    expect(first.outText).toMatch(/req_[0-9a-f]{24}/);
    expect(first.outText).toContain("http://localhost:");
    expect(await rolledUpEvents()).toBe(stored);
    expect(await organizations()).toBe(4);
    expect(await organizations({ id: "org_acme_music", name: "Acme Music Group" })).toBe(1);
    expect(await storedEvents("details_mismatch")).toBeGreaterThan(0);

    const second = await runCli("demo", "--events", "3000", "--orgs", "4", "--days", "7", "--seed", "5");
    expect(second.status).toBe(0);
    expect(second.outText).toMatch(/already stored[\s\S]*nothing was duplicated/);
    expect(await storedEvents()).toBe(stored);
    expect(await rolledUpEvents()).toBe(stored);
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
    expect(await storedEvents()).toBe(0);
  });
});
