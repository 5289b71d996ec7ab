import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { onTestServer } from "@/lib/testing/postgres-test-server";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { storeEventsAt } from "@/lib/trends/test-events";
import { findPrunedEvent, findPrunedEventsByPrefix, pruneExpiredEvents, pruneExpiredRollups, pruneExpiredTombstones, type EventBatch } from "./retention";

const database = setupFreshDatabasePerTest();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 26, 14, 0);
const CUTOFF = NOW - 90 * DAY;

async function storedIds(): Promise<string[]> {
  const { db, t } = database;
  return (await db.select({ id: t.events.requestId }).from(t.events).orderBy(asc(t.events.occurredAt))).map((row) => row.id);
}

async function tombstones() {
  const { db, t } = database;
  return db.select().from(t.prunedEvents).orderBy(asc(t.prunedEvents.occurredAt));
}

/** Runs batches until one is not full, as a pass does, passing each batch's resume point to the next. */
async function pruneAll(batch: Omit<EventBatch, "resumeAt">): Promise<number[]> {
  const sizes: number[] = [];
  let resumeAt: string | undefined;
  for (;;) {
    const outcome = await pruneExpiredEvents({ ...batch, resumeAt });
    sizes.push(outcome.deleted);
    if (!outcome.more) return sizes;
    resumeAt = outcome.resumeAt;
  }
}

describe("retention — events", () => {
  it("deletes events older than the cutoff a batch at a time, leaving a tombstone for each", async () => {
    await storeEventsAt([
      { at: CUTOFF - 3 * DAY, orgId: "org_a", code: "common.quota_exceeded", httpStatus: 429 },
      { at: CUTOFF - 2 * DAY, orgId: "org_b", n: 2 },
      { at: CUTOFF - 1, orgId: "org_a" },
      { at: CUTOFF, orgId: "org_a" },
      { at: NOW, orgId: "org_b" },
    ]);
    const kept = (await storedIds()).slice(4);

    const first = await pruneExpiredEvents({ before: CUTOFF, limit: 3, prunedAt: NOW });
    expect(first).toMatchObject({ deleted: 3, busy: false, more: true });
    const second = await pruneExpiredEvents({ before: CUTOFF, limit: 3, prunedAt: NOW, resumeAt: first.resumeAt });
    expect(second).toMatchObject({ deleted: 1, busy: false, more: false });

    expect(await storedIds()).toEqual(kept);
    const stones = await tombstones();
    expect(stones).toHaveLength(4);
    expect(stones[0]).toEqual({
      requestId: expect.stringMatching(/^req_trend_/),
      orgId: "org_a",
      code: "common.quota_exceeded",
      httpStatus: 429,
      occurredAt: CUTOFF - 3 * DAY,
      prunedAt: NOW,
    });
    expect(stones.map((stone) => stone.occurredAt)).toEqual([CUTOFF - 3 * DAY, CUTOFF - 2 * DAY, CUTOFF - 2 * DAY, CUTOFF - 1]);
  });

  it("does nothing when no event is due", async () => {
    await storeEventsAt([{ at: NOW }]);
    expect(await pruneExpiredEvents({ before: CUTOFF, limit: 100, prunedAt: NOW })).toEqual({ deleted: 0, busy: false, more: false });
    expect(await storedIds()).toHaveLength(1);
  });

  it("visits every organization in a pass of small batches", async () => {
    await storeEventsAt(["org_a", "org_b", "org_c", "org_d"].map((orgId, index) => ({ at: CUTOFF - (index + 1) * HOUR, orgId, n: 3 })));
    await storeEventsAt([{ at: NOW, orgId: "org_c" }]);
    const sizes = await pruneAll({ before: CUTOFF, limit: 5, prunedAt: NOW });
    expect(sizes.every((size) => size <= 5)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(12);
    expect(await storedIds()).toHaveLength(1);
    expect(await tombstones()).toHaveLength(12);
  });

  it("keeps an id's first tombstone when the id is stored and pruned again", async () => {
    const { db, t } = database;
    await storeEventsAt([{ at: CUTOFF - DAY, code: "common.quota_exceeded" }]);
    await pruneExpiredEvents({ before: CUTOFF, limit: 10, prunedAt: NOW });
    const [stone] = await tombstones();
    // The same id sent again (a late retry) and pruned again.
    await db.insert(t.events).values({ requestId: stone!.requestId, orgId: "org_acme", code: "other.code", httpStatus: 500, occurredAt: CUTOFF - DAY, receivedAt: NOW });
    expect(await pruneExpiredEvents({ before: CUTOFF, limit: 10, prunedAt: NOW + DAY })).toMatchObject({ deleted: 1 });
    expect(await tombstones()).toEqual([stone]);
  });

  it("finds a tombstone by id and by prefix", async () => {
    const { db, t } = database;
    const stone = { orgId: "org_a", code: "common.quota_exceeded", httpStatus: 429, occurredAt: CUTOFF - DAY, prunedAt: NOW };
    await db.insert(t.prunedEvents).values(["req_8a3f2c", "req_8a3f9d", "req_8b00"].map((requestId) => ({ ...stone, requestId })));
    expect(await findPrunedEvent("req_8a3f9d")).toEqual({ ...stone, requestId: "req_8a3f9d" });
    expect(await findPrunedEvent("req_8a3f")).toBeUndefined();
    expect((await findPrunedEventsByPrefix("req_8a3f", 10)).map((row) => row.requestId)).toEqual(["req_8a3f2c", "req_8a3f9d"]);
    expect(await findPrunedEventsByPrefix("req_8a3f", 1)).toHaveLength(1);
  });
});

describe("retention — rollups and tombstones", () => {
  const ROLLUP_CUTOFF = NOW - 400 * DAY;

  it("deletes hourly rollups of hours before the cutoff, oldest first, a batch at a time", async () => {
    const { db, t } = database;
    await storeEventsAt([
      { at: ROLLUP_CUTOFF - 2 * HOUR, orgId: "org_a" },
      { at: ROLLUP_CUTOFF - 2 * HOUR, orgId: "org_b" },
      { at: ROLLUP_CUTOFF - HOUR, orgId: "org_a" },
      { at: ROLLUP_CUTOFF, orgId: "org_a" },
      { at: NOW, orgId: "org_a" },
    ]);
    expect(await pruneExpiredRollups({ before: ROLLUP_CUTOFF, limit: 2 })).toEqual({ deleted: 2, busy: false, more: true });
    const hours = async () => (await db.select({ hour: t.hourlyRollups.hour }).from(t.hourlyRollups).orderBy(asc(t.hourlyRollups.hour))).map((row) => row.hour);
    expect(await hours()).toEqual([ROLLUP_CUTOFF - HOUR, ROLLUP_CUTOFF, NOW]);
    expect(await pruneExpiredRollups({ before: ROLLUP_CUTOFF, limit: 2 })).toEqual({ deleted: 1, busy: false, more: false });
    expect(await hours()).toEqual([ROLLUP_CUTOFF, NOW]);
  });

  it("deletes tombstones of events that occurred before the cutoff, oldest first", async () => {
    const { db, t } = database;
    const stone = { orgId: "org_a", code: "common.quota_exceeded", httpStatus: 429, prunedAt: NOW };
    await db.insert(t.prunedEvents).values([
      { ...stone, requestId: "req_c", occurredAt: ROLLUP_CUTOFF - 1 },
      { ...stone, requestId: "req_a", occurredAt: ROLLUP_CUTOFF - DAY },
      { ...stone, requestId: "req_b", occurredAt: ROLLUP_CUTOFF },
    ]);
    expect(await pruneExpiredTombstones({ before: ROLLUP_CUTOFF, limit: 1 })).toEqual({ deleted: 1, busy: false, more: true });
    expect((await tombstones()).map((row) => row.requestId)).toEqual(["req_c", "req_b"]);
    expect(await pruneExpiredTombstones({ before: ROLLUP_CUTOFF, limit: 5 })).toEqual({ deleted: 1, busy: false, more: false });
    expect((await tombstones()).map((row) => row.requestId)).toEqual(["req_b"]);
  });
});

// Several instances share a PostgreSQL database; SQLite has one writer process.
describe.skipIf(testBackend() !== "postgres")("retention — several instances (PostgreSQL)", () => {
  it("skips a batch while another instance holds the retention lock", async () => {
    await storeEventsAt([{ at: CUTOFF - DAY, n: 3 }]);
    const schema = new URL(database.url).searchParams.get("options")!.replace("-c search_path=", "");
    const attempt = { before: CUTOFF, limit: 10, prunedAt: NOW };
    await onTestServer(async (client) => {
      await client.query("begin");
      await client.query("select pg_advisory_xact_lock(hashtext('errata.retention.' || $1))", [schema]);
      expect(await pruneExpiredEvents(attempt)).toEqual({ deleted: 0, busy: true, more: false });
      expect(await pruneExpiredRollups({ before: NOW, limit: 10 })).toMatchObject({ busy: true });
      expect(await pruneExpiredTombstones({ before: NOW, limit: 10 })).toMatchObject({ busy: true });
      await client.query("commit");
    });
    expect(await pruneExpiredEvents(attempt)).toMatchObject({ deleted: 3, busy: false });
  });

  it("never deletes an event twice when instances prune at once", async () => {
    await storeEventsAt(["org_a", "org_b", "org_c"].map((orgId) => ({ at: CUTOFF - DAY, orgId, n: 20 })));
    const instance = () => pruneAll({ before: CUTOFF, limit: 7, prunedAt: NOW });
    const passes = await Promise.all([instance(), instance(), instance()]);
    const deleted = passes.flat().reduce((sum, size) => sum + size, 0);
    // Batches that found the lock taken did nothing; the rest may leave a few for the next pass.
    const rest = (await pruneAll({ before: CUTOFF, limit: 100, prunedAt: NOW })).reduce((sum, size) => sum + size, 0);
    expect(deleted + rest).toBe(60);
    expect(await tombstones()).toHaveLength(60);
  });
});

// SQLite's plans; PostgreSQL's are measured at scale in bench/retention.ts.
describe.skipIf(testBackend() === "postgres")("retention — query plans (SQLite)", () => {
  it("picks expired events, rollups and tombstones from their time indexes", async () => {
    await storeEventsAt([{ at: CUTOFF - DAY, n: 2 }]);
    await pruneExpiredEvents({ before: CUTOFF, limit: 1, prunedAt: NOW });
    const plans = await queryPlans(database.db, async () => {
      await pruneExpiredEvents({ before: CUTOFF, limit: 10, prunedAt: NOW });
      await pruneExpiredRollups({ before: CUTOFF, limit: 10 });
      await pruneExpiredTombstones({ before: CUTOFF, limit: 10 });
    });
    const plan = plans.map((entry) => entry.plan).join("\n");
    expect(plan).toMatch(/SEARCH events USING (COVERING )?INDEX events_occurred_idx \(occurred_at<\?\)/);
    expect(plan).toMatch(/SEARCH hourly_rollups USING (COVERING )?INDEX hourly_rollups_hour_idx \(hour<\?\)/);
    expect(plan).toMatch(/SEARCH pruned_events USING (COVERING )?INDEX pruned_events_occurred_idx \(occurred_at<\?\)/);
    expect(plan).not.toMatch(/SCAN (events|hourly_rollups|pruned_events)\b/);
  });
});
