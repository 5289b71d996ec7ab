import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "@/lib/trends/buckets";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { eventsAround, orgCodeCount } from "./event-context";
import { findEventByRequestId, storeEvents } from "./events";

const database = setupFreshDatabasePerTest();
const AT = Date.parse("2026-11-26T14:20:00Z");
const MINUTE = 60_000;
const RADIUS = 15 * MINUTE;

interface Row {
  id: string;
  at: number;
  orgId?: string;
  code?: string;
}

async function store(rows: readonly Row[]): Promise<void> {
  await storeEvents(
    rows.map((row) => storedEventInput({ requestId: row.id, occurredAt: row.at, orgId: row.orgId ?? "org_acme", code: row.code ?? "common.internal" })),
    AT,
  );
}

async function around(requestId: string, perSide = 5) {
  const event = await findEventByRequestId(requestId);
  if (!event) throw new Error(`${requestId} not stored`);
  return eventsAround(event, RADIUS, perSide);
}

const ids = (rows: readonly { requestId: string }[]) => rows.map((row) => row.requestId);

describe("eventsAround: the organization's events within ±15 minutes", () => {
  it("includes both edges of the window and nothing beyond, nearest first", async () => {
    await store([
      { id: "req_self", at: AT },
      { id: "req_edge_before", at: AT - RADIUS },
      { id: "req_past_edge_before", at: AT - RADIUS - 1 },
      { id: "req_5_before", at: AT - 5 * MINUTE },
      { id: "req_20_before", at: AT - 20 * MINUTE },
      { id: "req_1_after", at: AT + MINUTE },
      { id: "req_edge_after", at: AT + RADIUS },
      { id: "req_past_edge_after", at: AT + RADIUS + 1 },
    ]);
    const window = await around("req_self");
    expect(ids(window.earlier)).toEqual(["req_5_before", "req_edge_before"]);
    expect(ids(window.later)).toEqual(["req_1_after", "req_edge_after"]);
    expect(window.total).toBe(5);
    expect(window.earlier[0]).toEqual({ requestId: "req_5_before", code: "common.internal", httpStatus: expect.any(Number), occurredAt: AT - 5 * MINUTE });
  });

  it("leaves out other organizations and the event itself, and splits events at the same millisecond by storage order", async () => {
    await store([
      { id: "req_same_a", at: AT },
      { id: "req_self", at: AT },
      { id: "req_same_b", at: AT },
      { id: "req_other_org", at: AT, orgId: "org_other" },
    ]);
    const window = await around("req_self");
    expect(ids(window.earlier)).toEqual(["req_same_a"]);
    expect(ids(window.later)).toEqual(["req_same_b"]);
    expect(window.total).toBe(3);
  });

  it("keeps the nearest events of each side when the window is busy, and counts them all", async () => {
    await store([
      { id: "req_self", at: AT },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `req_before_${String(i + 1).padStart(2, "0")}`, at: AT - (i + 1) * MINUTE })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `req_after_${i + 1}`, at: AT + (i + 1) * MINUTE })),
    ]);
    const window = await around("req_self", 4);
    expect(ids(window.earlier)).toEqual(["req_before_01", "req_before_02", "req_before_03", "req_before_04"]);
    expect(ids(window.later)).toEqual(["req_after_1", "req_after_2", "req_after_3"]);
    expect(window.total).toBe(16);
  });

  // SQLite's plans; PostgreSQL plans by its own statistics.
  it.skipIf(testBackend() === "postgres")("reads ranges of events_org_occurred_idx, the count index-only", async () => {
    await store([{ id: "req_self", at: AT }]);
    const event = await findEventByRequestId("req_self");
    if (!event) throw new Error("not stored");
    const plans = await queryPlans(database.db, () => eventsAround(event, RADIUS, 5));
    expect(plans).toHaveLength(3);
    for (const { plan } of plans) {
      expect(plan).toMatch(/SEARCH events USING (COVERING )?INDEX events_org_occurred_idx \(org_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE|SCAN events/);
    }
    expect(plans[2]?.plan).toMatch(/COVERING INDEX/);
  });
});

describe("orgCodeCount: how often the organization hit the code in the last 7 days", () => {
  const week = { from: AT - 7 * DAY_MS, to: AT };

  it("counts exactly: the partial first hour from raw events, whole hours from rollups, only this organization and code", async () => {
    await store([
      { id: "req_before_week", at: week.from - 1 },
      { id: "req_first_minute", at: week.from },
      { id: "req_first_hour", at: week.from + 30 * MINUTE },
      { id: "req_day_3", at: AT - 3 * DAY_MS },
      { id: "req_now", at: AT - 1 },
      { id: "req_other_code", at: AT - DAY_MS, code: "common.not_found" },
      { id: "req_other_org", at: AT - DAY_MS, orgId: "org_other" },
    ]);
    expect(await orgCodeCount("org_acme", "common.internal", week)).toBe(4);
    expect(await orgCodeCount("org_acme", "common.not_found", week)).toBe(1);
    expect(await orgCodeCount("org_none", "common.internal", week)).toBe(0);
  });

  it("counts a range starting on an hour boundary from rollups alone", async () => {
    const from = Math.floor(AT / HOUR_MS) * HOUR_MS - 2 * HOUR_MS;
    await store([
      { id: "req_a", at: from },
      { id: "req_b", at: from + HOUR_MS + 1 },
      { id: "req_before", at: from - 1 },
    ]);
    expect(await orgCodeCount("org_acme", "common.internal", { from, to: AT })).toBe(2);
  });

  it.skipIf(testBackend() === "postgres")("reads one bounded hour of events_org_occurred_idx and the code's rollups index-only", async () => {
    await store([{ id: "req_self", at: AT }]);
    const plans = await queryPlans(database.db, () => orgCodeCount("org_acme", "common.internal", week));
    expect(plans).toHaveLength(1);
    const plan = plans[0]?.plan ?? "";
    expect(plan).toMatch(/SEARCH events USING INDEX events_(org|code)_occurred_idx \((org_id|code)=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(plan).toMatch(/SEARCH hourly_rollups USING COVERING INDEX hourly_rollups_code_org_idx \(code=\? AND org_id=\? AND hour>\? AND hour<\?\)/);
    expect(plan).not.toMatch(/SCAN (events|hourly_rollups)/);
  });
});
