import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/trends/buckets";
import { storeEventsAt } from "@/lib/trends/test-events";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { captureStatements, rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, useFreshDatabase } from "@/lib/testing/test-db";
import { dayPairCounts, KEPT_HOURS, rollupHours, type HourRollup } from "./closed-rollups";
import { storeSubmissions } from "./store-events";

const database = setupFreshDatabasePerTest();

const NOW = Date.parse("2026-11-26T14:20:00Z");
const CURRENT = Date.parse("2026-11-26T14:00:00Z");
const TODAY = Date.parse("2026-11-26T00:00:00Z");
const LAST_3_HOURS = { from: CURRENT - 2 * HOUR_MS, to: CURRENT + HOUR_MS };

const total = (hour: HourRollup) => hour.counts.reduce((sum, row) => sum + row.count, 0);
const totals = (range = LAST_3_HOURS) => rollupHours(range, NOW).map((hour) => [hour.hour, total(hour)]);

/** How many statements `work` ran on the rollup table, and which hours they started at. */
function rollupReads(work: () => unknown): number[] {
  return captureStatements(rawSqlite(database.db), work)
    .filter(({ sql }) => /hourly_rollups/.test(sql))
    .map(({ params }) => Number(params[0]));
}

/** The same sums straight from hourly_rollups, for comparison. */
function sqlOrgTotals(range: { from: number; to: number }): Record<string, number> {
  const rows = rawSqlite(database.db)
    .prepare("select hour, org_id as orgId, sum(count) as n from hourly_rollups where hour >= ? and hour < ? group by 1, 2")
    .all(range.from, range.to) as { hour: number; orgId: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [`${row.hour} ${row.orgId}`, row.n]));
}

function memoOrgTotals(range: { from: number; to: number }): Record<string, number> {
  return Object.fromEntries(rollupHours(range, NOW).flatMap((hour) => [...hour.orgTotals].map(([orgId, n]) => [`${hour.hour} ${orgId}`, n])));
}

describe("rollupHours", () => {
  it("reads a closed hour once and the current hour on every call", () => {
    storeEventsAt([{ at: CURRENT - 2 * HOUR_MS }, { at: CURRENT - HOUR_MS, n: 2 }, { at: NOW - 1 }]);
    expect(rollupReads(() => expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 1], [CURRENT - HOUR_MS, 2], [CURRENT, 1]]))).toEqual([
      CURRENT - 2 * HOUR_MS,
      CURRENT - HOUR_MS,
      CURRENT,
    ]);
    storeEventsAt([{ at: NOW - 2 }]);
    expect(rollupReads(() => expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 1], [CURRENT - HOUR_MS, 2], [CURRENT, 2]]))).toEqual([CURRENT]);
  });

  it("counts a late event on the next read, reading again only the hour it landed in", () => {
    storeEventsAt([{ at: CURRENT - 2 * HOUR_MS }, { at: CURRENT - HOUR_MS }]);
    totals();
    storeEventsAt([{ at: CURRENT - 2 * HOUR_MS + 5 * MINUTE_MS, n: 3 }]);
    expect(rollupReads(() => expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 4], [CURRENT - HOUR_MS, 1], [CURRENT, 0]]))).toEqual([
      CURRENT - 2 * HOUR_MS,
      CURRENT,
    ]);
  });

  it("stays equal to hourly_rollups through batches of late events across organizations and hours", () => {
    const range = { from: CURRENT - 48 * HOUR_MS, to: CURRENT + HOUR_MS };
    let seed = 7;
    const random = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below;
    for (let round = 0; round < 12; round++) {
      storeEventsAt(
        Array.from({ length: 1 + random(20) }, () => ({
          at: NOW - random(49 * HOUR_MS),
          orgId: ["org_a", "org_b", "org_c"][random(3)],
          code: ["common.internal", "common.not_found"][random(2)],
          httpStatus: [500, 503][random(2)],
        })),
      );
      expect(memoOrgTotals(range)).toEqual(sqlOrgTotals(range));
    }
  });

  it("forgets nothing for a batch that failed, which changed nothing", () => {
    storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    totals();
    const broken = storedEventInput({ requestId: "bad", orgId: null as unknown as string });
    expect(() => storeSubmissions([{ events: [storedEventInput({ requestId: "ok", occurredAt: CURRENT - HOUR_MS }), broken], receivedAt: NOW }])).toThrow();
    expect(rollupReads(() => expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 1], [CURRENT, 0]]))).toEqual([CURRENT]);
  });

  it("sees a commit by another connection (another process, the CLI's demo) through PRAGMA data_version", () => {
    storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    totals();
    const other = new Database(database.file);
    try {
      other.prepare("update hourly_rollups set count = count + 5").run();
    } finally {
      other.close();
    }
    expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 6], [CURRENT, 0]]);
  });

  it("keeps each database's hours apart", () => {
    storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    totals();
    const other = useFreshDatabase();
    try {
      expect(totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 0], [CURRENT, 0]]);
    } finally {
      other.cleanup();
    }
  });

  it("keeps the hours used last, up to its limit", () => {
    const range = { from: CURRENT - (KEPT_HOURS + 1) * HOUR_MS, to: CURRENT };
    rollupHours(range, NOW);
    expect(rollupReads(() => rollupHours({ from: CURRENT - HOUR_MS, to: CURRENT }, NOW))).toEqual([]);
    expect(rollupReads(() => rollupHours({ from: range.from, to: range.from + HOUR_MS }, NOW))).toEqual([range.from]);
  });

  it("needs whole hours, and days that start at midnight UTC", () => {
    expect(() => rollupHours({ from: CURRENT + 1, to: CURRENT + HOUR_MS }, NOW)).toThrow(RangeError);
    expect(() => dayPairCounts([TODAY - DAY_MS + HOUR_MS], NOW)).toThrow(RangeError);
  });
});

describe("dayPairCounts", () => {
  const days = [TODAY - 2 * DAY_MS, TODAY - DAY_MS, TODAY];

  it("counts each UTC day per organization and code, statuses summed; an ended day is read once", () => {
    storeEventsAt([
      { at: TODAY - 2 * DAY_MS, code: "common.internal", httpStatus: 500 },
      { at: TODAY - DAY_MS + 3 * HOUR_MS, code: "common.internal", httpStatus: 503, n: 2 },
      { at: TODAY - 1, code: "common.internal", httpStatus: 500 },
      { at: TODAY - DAY_MS, orgId: "org_b", n: 4 },
      { at: NOW - 1, n: 5 },
    ]);
    const expected = [
      new Map([["org_acme", new Map([["common.internal", 1]])]]),
      new Map([
        ["org_acme", new Map([["common.internal", 3]])],
        ["org_b", new Map([["api_key.scope_denied", 4]])],
      ]),
      new Map([["org_acme", new Map([["api_key.scope_denied", 5]])]]),
    ];
    expect(dayPairCounts(days, NOW)).toEqual(expected);
    // Today has not ended: read again; the two ended days are not.
    expect(rollupReads(() => expect(dayPairCounts(days, NOW)).toEqual(expected))).toEqual([TODAY]);
  });

  it("reads a day again after a late event landed in it", () => {
    storeEventsAt([{ at: TODAY - DAY_MS + HOUR_MS }]);
    dayPairCounts(days, NOW);
    storeEventsAt([{ at: TODAY - 1 }]);
    expect(rollupReads(() => expect(dayPairCounts(days, NOW)[1]).toEqual(new Map([["org_acme", new Map([["api_key.scope_denied", 2]])]])))).toEqual([
      TODAY - DAY_MS,
      TODAY,
    ]);
  });
});
