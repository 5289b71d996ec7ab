import Database from "better-sqlite3";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/postgres/open";
import { bucketStart, DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/trends/buckets";
import { storeEventsAt } from "@/lib/trends/test-events";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { captureStatements, rawSqlite, type CapturedStatement } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend, useFreshDatabase } from "@/lib/testing/test-db";
import { dayPairCounts, KEPT_HOURS, rollupHours, type HourRollup } from "./closed-rollups";
import { storeSubmissions } from "./store-events";
import { storeOnPostgres } from "./store-events-postgres";

const database = setupFreshDatabasePerTest();

const NOW = Date.parse("2026-11-26T14:20:00Z");
const CURRENT = Date.parse("2026-11-26T14:00:00Z");
const TODAY = Date.parse("2026-11-26T00:00:00Z");
const LAST_3_HOURS = { from: CURRENT - 2 * HOUR_MS, to: CURRENT + HOUR_MS };

const total = (hour: HourRollup) => hour.counts.reduce((sum, row) => sum + row.count, 0);
const totals = async (range = LAST_3_HOURS, now = NOW) => (await rollupHours(range, now)).map((hour) => [hour.hour, total(hour)]);

/** Every statement `work` sent with its parameters: prepared on the SQLite connection, or sent to PostgreSQL's pool. */
async function capture(work: () => unknown): Promise<CapturedStatement[]> {
  if (database.dialect === "sqlite") return captureStatements(rawSqlite(database.db), work);
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const query = pool.query;
  const send = query.bind(pool) as (config: { text: string }, values?: unknown[]) => unknown;
  const captured: CapturedStatement[] = [];
  // drizzle sends every statement through the pool's query(config, values).
  pool.query = ((config: { text: string }, values?: unknown[]) => {
    captured.push({ sql: config.text, params: values ?? [] });
    return send(config, values);
  }) as unknown as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = query;
  }
  return captured;
}

/** How many statements `work` ran on the rollup table, and which hours they started at. */
async function rollupReads(work: () => unknown): Promise<number[]> {
  return (await capture(work)).filter(({ sql }) => /hourly_rollups/.test(sql)).map(({ params }) => Number(params[0]));
}

/** The same sums straight from hourly_rollups, for comparison. */
async function sqlOrgTotals(range: { from: number; to: number }): Promise<Record<string, number>> {
  const rows = await database.db.select().from(database.t.hourlyRollups);
  const sums: Record<string, number> = {};
  for (const row of rows) {
    if (row.hour < range.from || row.hour >= range.to) continue;
    const key = `${row.hour} ${row.orgId}`;
    sums[key] = (sums[key] ?? 0) + row.count;
  }
  return sums;
}

async function memoOrgTotals(range: { from: number; to: number }): Promise<Record<string, number>> {
  return Object.fromEntries((await rollupHours(range, NOW)).flatMap((hour) => [...hour.orgTotals].map(([orgId, n]) => [`${hour.hour} ${orgId}`, n])));
}

describe("rollupHours", () => {
  it("reads closed hours once (consecutive ones in one statement) and the current hour on every call", async () => {
    await storeEventsAt([{ at: CURRENT - 2 * HOUR_MS }, { at: CURRENT - HOUR_MS, n: 2 }, { at: NOW - 1 }]);
    const expected = [
      [CURRENT - 2 * HOUR_MS, 1],
      [CURRENT - HOUR_MS, 2],
      [CURRENT, 1],
    ];
    expect(await rollupReads(async () => expect(await totals()).toEqual(expected))).toEqual([CURRENT - 2 * HOUR_MS, CURRENT]);
    await storeEventsAt([{ at: NOW - 2 }]);
    expect(await rollupReads(async () => expect(await totals()).toEqual([...expected.slice(0, 2), [CURRENT, 2]]))).toEqual([CURRENT]);
  });

  it("counts a late event on the next read, reading again only the hour it landed in", async () => {
    await storeEventsAt([{ at: CURRENT - 2 * HOUR_MS }, { at: CURRENT - HOUR_MS }]);
    await totals();
    await storeEventsAt([{ at: CURRENT - 2 * HOUR_MS + 5 * MINUTE_MS, n: 3 }]);
    expect(await rollupReads(async () => expect(await totals()).toEqual([[CURRENT - 2 * HOUR_MS, 4], [CURRENT - HOUR_MS, 1], [CURRENT, 0]]))).toEqual([
      CURRENT - 2 * HOUR_MS,
      CURRENT,
    ]);
  });

  it("stays equal to hourly_rollups through batches of late events across organizations and hours", async () => {
    const range = { from: CURRENT - 48 * HOUR_MS, to: CURRENT + HOUR_MS };
    let seed = 7;
    const random = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below;
    for (let round = 0; round < 12; round++) {
      await storeEventsAt(
        Array.from({ length: 1 + random(20) }, () => ({
          at: NOW - random(49 * HOUR_MS),
          orgId: ["org_a", "org_b", "org_c"][random(3)],
          code: ["common.internal", "common.not_found"][random(2)],
          httpStatus: [500, 503][random(2)],
        })),
      );
      expect(await memoOrgTotals(range)).toEqual(await sqlOrgTotals(range));
    }
  });

  it("forgets nothing for a batch that failed, which changed nothing", async () => {
    await storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    await totals();
    const broken = storedEventInput({ requestId: "bad", orgId: null as unknown as string });
    await expect(storeSubmissions([{ events: [storedEventInput({ requestId: "ok", occurredAt: CURRENT - HOUR_MS }), broken], receivedAt: NOW }])).rejects.toThrow();
    expect(await rollupReads(async () => expect(await totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 1], [CURRENT, 0]]))).toEqual([CURRENT]);
  });

  // Another process on the same SQLite file (the CLI's demo).
  it.skipIf(testBackend() === "postgres")("sees a commit by another connection through PRAGMA data_version", async () => {
    await storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    await totals();
    const other = new Database(database.file);
    try {
      other.prepare("update hourly_rollups set count = count + 5").run();
    } finally {
      other.close();
    }
    expect(await totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 6], [CURRENT, 0]]);
  });

  it("keeps each database's hours apart", async () => {
    await storeEventsAt([{ at: CURRENT - HOUR_MS }]);
    await totals();
    const other = await useFreshDatabase();
    try {
      expect(await totals()).toEqual([[CURRENT - 2 * HOUR_MS, 0], [CURRENT - HOUR_MS, 0], [CURRENT, 0]]);
    } finally {
      await other.cleanup();
    }
  });

  it("keeps the hours used last, up to its limit", async () => {
    const range = { from: CURRENT - (KEPT_HOURS + 1) * HOUR_MS, to: CURRENT };
    await rollupHours(range, NOW);
    expect(await rollupReads(() => rollupHours({ from: CURRENT - HOUR_MS, to: CURRENT }, NOW))).toEqual([]);
    expect(await rollupReads(() => rollupHours({ from: range.from, to: range.from + HOUR_MS }, NOW))).toEqual([range.from]);
  });

  it("keeps an hour that has just ended at once on SQLite, and on PostgreSQL once other instances' commits have settled", async () => {
    const justAfter = CURRENT + 2 * MINUTE_MS;
    const range = { from: CURRENT - HOUR_MS, to: CURRENT };
    await rollupHours(range, justAfter);
    expect(await rollupReads(() => rollupHours(range, justAfter))).toEqual(testBackend() === "postgres" ? [CURRENT - HOUR_MS] : []);
    await rollupHours(range, NOW);
    expect(await rollupReads(() => rollupHours(range, NOW))).toEqual([]);
  });

  it("needs whole hours, and days that start at midnight UTC", async () => {
    await expect(rollupHours({ from: CURRENT + 1, to: CURRENT + HOUR_MS }, NOW)).rejects.toThrow(RangeError);
    await expect(dayPairCounts([TODAY - DAY_MS + HOUR_MS], NOW)).rejects.toThrow(RangeError);
  });
});

// Instances of the app sharing one PostgreSQL; the clock is the real one, as writers judge "ended" by it.
describe.skipIf(testBackend() === "sqlite")("several instances (PostgreSQL)", () => {
  const now = Date.now();
  const current = bucketStart(now, "hour");
  const range = { from: current - 4 * HOUR_MS, to: current - HOUR_MS };
  const late = (requestId: string) => storedEventInput({ requestId, occurredAt: current - 3 * HOUR_MS + MINUTE_MS });

  it("sees another instance's late event through the rollup epoch", async () => {
    await storeEventsAt([{ at: current - 3 * HOUR_MS }]);
    expect(await totals(range, now)).toEqual([[range.from, 0], [current - 3 * HOUR_MS, 1], [current - 2 * HOUR_MS, 0]]);
    const other = await openPostgres(database.url, 2);
    try {
      await storeOnPostgres(other.db, [{ events: [late("req_elsewhere")], receivedAt: now }]);
    } finally {
      await other.pool.end();
    }
    expect(await totals(range, now)).toEqual([[range.from, 0], [current - 3 * HOUR_MS, 2], [current - 2 * HOUR_MS, 0]]);
  });

  it("reads again only the hour another instance's late event landed in", async () => {
    await storeEventsAt([{ at: current - 3 * HOUR_MS }]);
    await totals(range, now);
    const other = await openPostgres(database.url, 2);
    try {
      await storeOnPostgres(other.db, [{ events: [late("req_elsewhere")], receivedAt: now }]);
    } finally {
      await other.pool.end();
    }
    expect(await rollupReads(() => totals(range, now))).toEqual([current - 3 * HOUR_MS]);
    expect(await totals(range, now)).toEqual([[range.from, 0], [current - 3 * HOUR_MS, 2], [current - 2 * HOUR_MS, 0]]);
  });

  it("reads again only the hours it wrote itself when no other instance changed an ended hour meanwhile", async () => {
    await totals(range, now);
    await storeSubmissions([{ events: [late("req_here")], receivedAt: now }]);
    expect(await rollupReads(() => totals(range, now))).toEqual([current - 3 * HOUR_MS]);
  });
});

describe("dayPairCounts", () => {
  const days = [TODAY - 2 * DAY_MS, TODAY - DAY_MS, TODAY];

  it("counts each UTC day per organization and code, statuses summed; an ended day is read once", async () => {
    await storeEventsAt([
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
    expect(await dayPairCounts(days, NOW)).toEqual(expected);
    // Today has not ended: read again; the two ended days are not.
    expect(await rollupReads(async () => expect(await dayPairCounts(days, NOW)).toEqual(expected))).toEqual([TODAY]);
  });

  it("reads a day again after a late event landed in it", async () => {
    await storeEventsAt([{ at: TODAY - DAY_MS + HOUR_MS }]);
    await dayPairCounts(days, NOW);
    await storeEventsAt([{ at: TODAY - 1 }]);
    expect(await rollupReads(async () => expect((await dayPairCounts(days, NOW))[1]).toEqual(new Map([["org_acme", new Map([["api_key.scope_denied", 2]])]])))).toEqual([
      TODAY - DAY_MS,
      TODAY,
    ]);
  });
});
