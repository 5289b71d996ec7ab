import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/trends/buckets";
import { storeEventsAt } from "@/lib/trends/test-events";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import {
  baselineCounts,
  codeMinuteCounts,
  codeRollupSeries,
  codeTopOrgs,
  firstEventAt,
  orgCodeStatusTotals,
  orgHistoryStarts,
  orgCodeCounts,
  orgHourlyCounts,
  orgMinuteCounts,
  orgRollupSeries,
  pairsSeenInEvents,
  pairsSeenInRollups,
  windowCounts,
} from "./rollups";

setupFreshDatabasePerTest();

const DAY0 = Date.parse("2026-11-24T00:00:00Z");
const H10 = DAY0 + 10 * HOUR_MS;
const byKey = <T extends object>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function seedTwoDays() {
  await storeEventsAt([
    { at: H10, n: 2 },
    { at: H10 + HOUR_MS - 1 },
    { at: H10 + HOUR_MS, code: "common.internal", httpStatus: 500 },
    { at: H10 + HOUR_MS + 5, code: "common.internal", httpStatus: 503 },
    { at: DAY0 + DAY_MS + 1, n: 4 },
    { at: H10, orgId: "org_beta", code: "common.internal", httpStatus: 500, n: 3 },
  ]);
}

describe("organization series from the rollup", () => {
  it("counts per hour and code exactly, one point per hour with events", async () => {
    await seedTwoDays();
    expect(await orgRollupSeries("org_acme", { from: DAY0, to: DAY0 + 2 * DAY_MS }, "hour")).toEqual([
      { t: H10, counts: { "api_key.scope_denied": 3 } },
      { t: H10 + HOUR_MS, counts: { "common.internal": 2 } },
      { t: DAY0 + DAY_MS, counts: { "api_key.scope_denied": 4 } },
    ]);
  });

  it("groups whole UTC days in SQL", async () => {
    await seedTwoDays();
    expect(await orgRollupSeries("org_acme", { from: DAY0, to: DAY0 + 2 * DAY_MS }, "day")).toEqual([
      { t: DAY0, counts: { "api_key.scope_denied": 3, "common.internal": 2 } },
      { t: DAY0 + DAY_MS, counts: { "api_key.scope_denied": 4 } },
    ]);
  });

  it("reads only the hours of the range", async () => {
    await seedTwoDays();
    expect(await orgRollupSeries("org_acme", { from: H10 + HOUR_MS, to: H10 + 2 * HOUR_MS }, "hour")).toEqual([{ t: H10 + HOUR_MS, counts: { "common.internal": 2 } }]);
    expect(await orgRollupSeries("org_nobody", { from: DAY0, to: DAY0 + DAY_MS }, "hour")).toEqual([]);
  });

  it("totals per code and status", async () => {
    await seedTwoDays();
    expect(byKey(await orgCodeStatusTotals("org_acme", { from: DAY0, to: DAY0 + DAY_MS }))).toEqual(
      byKey([
        { code: "api_key.scope_denied", httpStatus: 403, count: 3 },
        { code: "common.internal", httpStatus: 500, count: 1 },
        { code: "common.internal", httpStatus: 503, count: 1 },
      ]),
    );
  });
});

describe("minute series from raw events", () => {
  it("counts per minute, code and status within the half-open range", async () => {
    await storeEventsAt([{ at: H10 }, { at: H10 + 59_999 }, { at: H10 + MINUTE_MS }, { at: H10 + 2 * MINUTE_MS }, { at: H10 - 1 }]);
    expect(await orgMinuteCounts("org_acme", { from: H10, to: H10 + 2 * MINUTE_MS })).toEqual([
      { t: H10, code: "api_key.scope_denied", httpStatus: 403, count: 2 },
      { t: H10 + MINUTE_MS, code: "api_key.scope_denied", httpStatus: 403, count: 1 },
    ]);
  });
});

describe("every organization", () => {
  // Before, during and after the range: closed hours come from memory, open ones from SQL.
  it.each([
    ["all hours closed", H10 + 5 * HOUR_MS],
    ["the second hour open", H10 + HOUR_MS + 5 * MINUTE_MS],
    ["all hours open", H10 - DAY_MS],
  ])("counts per organization and hour, and per organization and code (%s)", async (_label, now) => {
    await seedTwoDays();
    await storeEventsAt([{ at: H10, orgId: "org_beta", code: "api_key.revoked", httpStatus: 401, n: 3 }]);
    const range = { from: H10, to: H10 + 2 * HOUR_MS };
    expect(byKey(await orgHourlyCounts(range, now))).toEqual(
      byKey([
        { orgId: "org_acme", hour: H10, count: 3 },
        { orgId: "org_acme", hour: H10 + HOUR_MS, count: 2 },
        { orgId: "org_beta", hour: H10, count: 6 },
      ]),
    );
    // common.internal's two statuses add up.
    expect(byKey(await orgCodeCounts(range, now))).toEqual(
      byKey([
        { orgId: "org_acme", code: "api_key.scope_denied", count: 3 },
        { orgId: "org_acme", code: "common.internal", count: 2 },
        { orgId: "org_beta", code: "api_key.revoked", count: 3 },
        { orgId: "org_beta", code: "common.internal", count: 3 },
      ]),
    );
  });
});

describe("windowCounts", () => {
  const now = H10 + 20 * MINUTE_MS;
  const window = { from: now - HOUR_MS, to: now }; // 09:20 → 10:20

  it("is exact at the window's edges: raw events to the hour boundary, rollups after it", async () => {
    await storeEventsAt([
      { at: window.from - 1, n: 7 }, // 09:19:59.999, before the window, same rollup hour as the next two
      { at: window.from },
      { at: H10 - 1 },
      { at: H10, n: 2 },
      { at: now - 1 },
      { at: H10 - 30 * MINUTE_MS, orgId: "org_beta", code: "common.internal", httpStatus: 500 },
    ]);
    expect(byKey(await windowCounts(window))).toEqual(
      byKey([
        { orgId: "org_acme", code: "api_key.scope_denied", httpStatus: 403, count: 5, earliest: window.from, latest: H10 },
        { orgId: "org_beta", code: "common.internal", httpStatus: 500, count: 1, earliest: H10 - 30 * MINUTE_MS, latest: H10 - 30 * MINUTE_MS },
      ]),
    );
  });

  it("reads only rollups for a window starting on the hour, and only raw events inside one hour", async () => {
    await storeEventsAt([{ at: H10 - 1 }, { at: H10 }, { at: H10 + 5 * MINUTE_MS }]);
    expect(await windowCounts({ from: H10, to: H10 + HOUR_MS })).toMatchObject([{ count: 2, earliest: H10, latest: H10 }]);
    expect(await windowCounts({ from: H10 + MINUTE_MS, to: H10 + 5 * MINUTE_MS })).toEqual([]);
    expect(await windowCounts({ from: H10 + MINUTE_MS, to: H10 + 5 * MINUTE_MS + 1 })).toMatchObject([{ count: 1, earliest: H10 + 5 * MINUTE_MS }]);
  });
});

describe("baselineCounts", () => {
  it("weights hours that a window only partly covers by their overlap", async () => {
    await storeEventsAt([
      { at: H10, n: 60 },
      { at: H10 + HOUR_MS, n: 6 },
      { at: H10, orgId: "org_other", n: 100 },
    ]);
    const windows = [
      { from: H10 + 30 * MINUTE_MS, to: H10 + 90 * MINUTE_MS }, // half of 10:00 + half of 11:00
      { from: H10 - DAY_MS, to: H10 - DAY_MS + HOUR_MS }, // nothing
    ];
    expect(await baselineCounts(windows, [{ orgId: "org_acme", code: "api_key.scope_denied" }])).toEqual([
      { orgId: "org_acme", code: "api_key.scope_denied", window: 0, count: 33 },
    ]);
    expect(await baselineCounts(windows, [])).toEqual([]);
  });
});

describe("first-seen checks", () => {
  it("finds pairs with rollups in a range, pairs with raw events, the first event and an org's first hour", async () => {
    await storeEventsAt([
      { at: H10 - 20 * DAY_MS },
      { at: H10 + 7 * MINUTE_MS, code: "common.internal", httpStatus: 500 },
      { at: H10 + 3 * MINUTE_MS, code: "common.internal", httpStatus: 503 },
    ]);
    const pairs = [
      { orgId: "org_acme", code: "api_key.scope_denied" },
      { orgId: "org_acme", code: "common.internal" },
      { orgId: "org_beta", code: "api_key.scope_denied" },
    ];
    expect(await pairsSeenInRollups(pairs, { from: H10 - 30 * DAY_MS, to: H10 })).toEqual([pairs[0]]);
    expect(await pairsSeenInRollups([], { from: 0, to: H10 })).toEqual([]);
    expect(await pairsSeenInEvents({ from: H10, to: H10 + 5 * MINUTE_MS })).toEqual([pairs[1]]);
    expect(await firstEventAt("org_acme", "common.internal", { from: H10, to: H10 + HOUR_MS })).toBe(H10 + 3 * MINUTE_MS);
    expect(await firstEventAt("org_acme", "common.internal", { from: H10 + HOUR_MS, to: H10 + 2 * HOUR_MS })).toBeNull();
    expect(await orgHistoryStarts(["org_acme", "org_nobody"])).toEqual(new Map([["org_acme", H10 - 20 * DAY_MS]]));
    expect(await orgHistoryStarts([])).toEqual(new Map());
  });
});

describe("one code across organizations", () => {
  it("folds hourly sums into UTC days, over several days and both ends of the range", async () => {
    await storeEventsAt([
      { at: DAY0 - 1 },
      { at: DAY0, n: 2 },
      { at: DAY0 + 23 * HOUR_MS + 59 * MINUTE_MS, orgId: "org_beta" },
      { at: DAY0 + DAY_MS },
      { at: DAY0 + 2 * DAY_MS + 5 * HOUR_MS, n: 3 },
      { at: DAY0 + 3 * DAY_MS },
    ]);
    expect(await codeRollupSeries("api_key.scope_denied", { from: DAY0, to: DAY0 + 3 * DAY_MS }, "day")).toEqual([
      { t: DAY0, count: 3 },
      { t: DAY0 + DAY_MS, count: 1 },
      { t: DAY0 + 2 * DAY_MS, count: 3 },
    ]);
  });

  it("gives its series, its top organizations and its minutes", async () => {
    await seedTwoDays();
    const range = { from: DAY0, to: DAY0 + DAY_MS };
    expect(await codeRollupSeries("common.internal", range, "hour")).toEqual([
      { t: H10, count: 3 },
      { t: H10 + HOUR_MS, count: 2 },
    ]);
    expect(await codeRollupSeries("common.internal", range, "day")).toEqual([{ t: DAY0, count: 5 }]);
    expect(await codeTopOrgs("common.internal", range, 10)).toEqual([
      { orgId: "org_beta", count: 3 },
      { orgId: "org_acme", count: 2 },
    ]);
    expect(await codeTopOrgs("common.internal", range, 1)).toEqual([{ orgId: "org_beta", count: 3 }]);
    expect(byKey(await codeMinuteCounts("common.internal", { from: H10, to: H10 + 2 * HOUR_MS }))).toEqual(
      byKey([
        { t: H10, orgId: "org_beta", count: 3 },
        { t: H10 + HOUR_MS, orgId: "org_acme", count: 2 },
      ]),
    );
  });
});
