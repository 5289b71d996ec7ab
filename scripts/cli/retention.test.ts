import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { storeEventsAt } from "@/lib/trends/test-events";
import { DAY_MS } from "@/lib/trends/buckets";
import { runCli } from "./test-support";

const database = setupFreshDatabasePerTest();

describe("retention run", () => {
  it("deletes the events past ERRATA_RETENTION_DAYS (default 90), leaving tombstones, and says how many", async () => {
    const now = Date.now();
    await storeEventsAt([{ at: now - 91 * DAY_MS, n: 3 }, { at: now - 89 * DAY_MS }]);
    const run = await runCli("retention", "run");
    expect(run.status).toBe(0);
    expect(run.outText).toMatch(/^Deleted 3 events that occurred before \d{4}-\d\d-\d\d \d\d:\d\d UTC \(ERRATA_RETENTION_DAYS=90\)/);
    expect(run.outText).toContain("Deleted 0 hourly rollups and 0 tombstones from before");
    const { db, t } = database;
    expect(await db.$count(t.events)).toBe(1);
    expect(await db.$count(t.prunedEvents)).toBe(3);
  });

  it("prints its usage for an unknown subcommand", async () => {
    const run = await runCli("retention", "purge");
    expect(run.status).toBe(1);
    expect(run.errText).toContain("npm run errata -- retention run");
  });
});
