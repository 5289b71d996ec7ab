import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { storeEventsAt } from "@/lib/trends/test-events";
import { DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import { runRetentionPass } from "./prune-pass";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 0);
const settings = { eventDays: 90, batchSize: 4, pauseMs: 25 };

async function counts() {
  const { db, t } = database;
  return { events: await db.$count(t.events), rollups: await db.$count(t.hourlyRollups), tombstones: await db.$count(t.prunedEvents) };
}

describe("runRetentionPass", () => {
  it("prunes expired events, then old rollups and tombstones, in batches with a pause before each but the first", async () => {
    await storeEventsAt([
      { at: NOW - 91 * DAY_MS, orgId: "org_a", n: 5 },
      { at: NOW - 95 * DAY_MS, orgId: "org_b", n: 4 },
      { at: NOW - 402 * DAY_MS, orgId: "org_a" },
      { at: NOW - 89 * DAY_MS, orgId: "org_a" },
      { at: NOW - HOUR_MS, orgId: "org_b" },
    ]);
    const before = await counts();
    const pauses: number[] = [];
    const totals = await runRetentionPass({ now: NOW, settings, pause: async (ms) => void pauses.push(ms) });

    expect(totals).toMatchObject({ events: 10, rollups: 1, tombstones: 1, leftToAnotherInstance: false, stopped: false });
    // Events: 4 + 4 + 2 (the last not full); rollups: 1; tombstones: 1.
    expect(totals.batches).toBe(5);
    // At least the configured pause; longer after a batch that took over half of it (a busy machine).
    expect(pauses).toHaveLength(4);
    expect(pauses.every((ms) => ms >= 25)).toBe(true);
    // The event of 402 days ago lost its rollup hour and its tombstone; the 91- and 95-day-old ones keep theirs.
    expect(await counts()).toEqual({ events: 2, rollups: before.rollups - 1, tombstones: 9 });
  });

  it("does one empty batch per phase when nothing is due", async () => {
    await storeEventsAt([{ at: NOW - DAY_MS }]);
    const totals = await runRetentionPass({ now: NOW, settings, pause: async () => {} });
    expect(totals).toMatchObject({ events: 0, rollups: 0, tombstones: 0, batches: 3 });
  });

  it("stops between batches once the job is stopping", async () => {
    await storeEventsAt([{ at: NOW - 100 * DAY_MS, n: 10 }]);
    let stopping = false;
    const totals = await runRetentionPass({
      now: NOW,
      settings,
      pause: async () => {
        stopping = true;
      },
      stopping: () => stopping,
    });
    expect(totals).toMatchObject({ events: 4, batches: 1, stopped: true });
    expect((await counts()).events).toBe(6);
  });
});
