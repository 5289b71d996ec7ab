import { describe, expect, it } from "vitest";
import { setOrganizationNames } from "@/db/queries/organizations";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./buckets";
import { getOrgTrendView, getTrend, listOrgSummaries } from "./org-trends";
import { storeEventsAt, type EventsAt } from "./test-events";

setupFreshDatabasePerTest();

const DAY0 = Date.parse("2026-11-24T00:00:00Z");
const NOW = DAY0 + 2 * DAY_MS + 14 * HOUR_MS + 20 * MINUTE_MS; // 2026-11-26T14:20Z

/** A deterministic scatter of events over two and a half days, three codes, two orgs. */
function scatter(): EventsAt[] {
  const events: EventsAt[] = [];
  for (let n = 0; n < 400; n++) {
    const at = DAY0 + ((n * 7_919_393) % (NOW - DAY0));
    const code = ["api_key.scope_denied", "common.internal", "common.quota_exceeded"][n % 3]!;
    events.push({ at, code, httpStatus: code === "common.internal" ? 500 + (n % 2) * 3 : n % 3 === 0 ? 403 : 429, orgId: n % 5 === 0 ? "org_beta" : "org_acme" });
  }
  return events;
}

/** Counts of `events` per bucket start and code, computed the slow, obvious way. */
function bruteForce(events: readonly EventsAt[], orgId: string, width: number, from: number, to: number) {
  const counts = new Map<number, Record<string, number>>();
  for (const event of events) {
    if ((event.orgId ?? "org_acme") !== orgId || event.at < from || event.at >= to) continue;
    const t = event.at - (event.at % width);
    const bucket = counts.get(t) ?? {};
    const code = event.code ?? "api_key.scope_denied";
    bucket[code] = (bucket[code] ?? 0) + (event.n ?? 1);
    counts.set(t, bucket);
  }
  return counts;
}

describe("getTrend", () => {
  it("matches the inserted events exactly, bucket by bucket, for hour, day and minute buckets", async () => {
    const events = scatter();
    await storeEventsAt(events);
    for (const [bucket, width, range] of [
      ["hour", HOUR_MS, { from: DAY0, to: NOW }],
      ["day", DAY_MS, { from: DAY0, to: NOW }],
      ["minute", MINUTE_MS, { from: NOW - 6 * HOUR_MS, to: NOW }],
    ] as const) {
      const trend = await getTrend("org_acme", range, bucket);
      expect(trend).not.toBeNull();
      const expected = bruteForce(events, "org_acme", width, trend!.from, trend!.to);
      expect(trend!.series).toHaveLength((trend!.to - trend!.from) / width);
      for (const point of trend!.series) expect(point.counts).toEqual(expected.get(point.t) ?? {});
      const total = Object.values(trend!.totals).reduce((sum, n) => sum + n, 0);
      expect(total).toBe([...expected.values()].flatMap(Object.values).reduce((sum, n) => sum + n, 0));
    }
  });

  it("widens an unaligned range to whole buckets and reports the range it covers", async () => {
    await storeEventsAt([{ at: NOW - 3 * HOUR_MS - 15 * MINUTE_MS }, { at: NOW - 10 * MINUTE_MS, n: 2 }]);
    const trend = (await getTrend("org_acme", { from: NOW - 3 * HOUR_MS, to: NOW }, "hour"))!;
    expect(trend.from).toBe(DAY0 + 2 * DAY_MS + 11 * HOUR_MS);
    expect(trend.to).toBe(DAY0 + 2 * DAY_MS + 15 * HOUR_MS);
    expect(trend.series.map((point) => Object.values(point.counts)[0] ?? 0)).toEqual([1, 0, 0, 2]);
  });

  it("gives a zero-filled series for a known organization with nothing in the range, and null for an unknown one", async () => {
    await storeEventsAt([{ at: DAY0 }]);
    const trend = (await getTrend("org_acme", { from: NOW - 7 * DAY_MS, to: NOW - 5 * DAY_MS }, "day"))!;
    expect(trend.series).toHaveLength(3); // two days from 14:20 touch three UTC days
    expect(trend.series.every((point) => Object.keys(point.counts).length === 0)).toBe(true);
    expect(trend.totals).toEqual({});
    expect(await getTrend("org_nobody", { from: DAY0, to: NOW }, "hour")).toBeNull();
  });

  it("refuses what the API refuses instead of reading a huge range", async () => {
    await storeEventsAt([{ at: DAY0 }]);
    await expect(getTrend("org_acme", { from: NOW - DAY_MS, to: NOW }, "minute")).rejects.toThrow(RangeError);
  });
});

describe("getOrgTrendView", () => {
  it("compares codes with the previous period of the same length and mixes statuses", async () => {
    const today = DAY0 + 2 * DAY_MS;
    await storeEventsAt([
      { at: today + HOUR_MS, code: "common.quota_exceeded", httpStatus: 429, n: 6 },
      { at: today + 2 * HOUR_MS, code: "common.internal", httpStatus: 500, n: 3 },
      { at: today + 2 * HOUR_MS, code: "common.internal", httpStatus: 503, n: 1 },
      { at: today - 5 * HOUR_MS, code: "common.quota_exceeded", httpStatus: 429, n: 2 },
      { at: today - 5 * HOUR_MS, code: "api_key.revoked", httpStatus: 401, n: 5 },
    ]);
    await setOrganizationNames([{ id: "org_acme", name: "Acme Music Group" }]);
    const view = (await getOrgTrendView("org_acme", { from: today, to: today + DAY_MS }, "hour"))!;
    expect(view).toMatchObject({ orgId: "org_acme", orgName: "Acme Music Group", total: 10, previous: { from: today - DAY_MS, to: today, total: 7 } });
    expect(view.codes).toEqual([
      { code: "common.quota_exceeded", httpStatus: 429, count: 6, share: 0.6, previousCount: 2, change: 2 },
      { code: "common.internal", httpStatus: 500, count: 4, share: 0.4, previousCount: 0, change: null },
      { code: "api_key.revoked", httpStatus: 401, count: 0, share: 0, previousCount: 5, change: -1 },
    ]);
    expect(view.statusMix).toEqual([
      { httpStatus: 429, count: 6, share: 0.6 },
      { httpStatus: 500, count: 3, share: 0.3 },
      { httpStatus: 503, count: 1, share: 0.1 },
    ]);
    expect(await getOrgTrendView("org_nobody", { from: today, to: today + DAY_MS }, "hour")).toBeNull();
  });

  it("counts minute views from raw events, the previous period included", async () => {
    await storeEventsAt([{ at: NOW - 30 * MINUTE_MS, n: 3 }, { at: NOW - 90 * MINUTE_MS }, { at: NOW - 61 * MINUTE_MS, n: 4 }]);
    const view = (await getOrgTrendView("org_acme", { from: NOW - HOUR_MS, to: NOW }, "minute"))!;
    expect(view.trend.series).toHaveLength(60);
    expect(view.total).toBe(3);
    expect(view.previous.total).toBe(5);
  });
});

describe("listOrgSummaries", () => {
  it("lists every organization with its last 24 hours, the 24 before, its top code and a sparkline", async () => {
    await storeEventsAt([
      { at: NOW - 10 * MINUTE_MS, n: 3 },
      { at: NOW - 5 * HOUR_MS, code: "common.internal", httpStatus: 500, n: 2 },
      { at: NOW - 30 * HOUR_MS, n: 10 },
      { at: NOW - 3 * DAY_MS, orgId: "org_old" },
    ]);
    await setOrganizationNames([{ id: "org_acme", name: "Acme" }]);
    const summaries = await listOrgSummaries(NOW);
    expect(summaries).toEqual([
      expect.objectContaining({ orgId: "org_acme", name: "Acme", last24h: 5, previous24h: 10, change: -0.5, topCode: "api_key.scope_denied" }),
      expect.objectContaining({ orgId: "org_old", name: null, last24h: 0, previous24h: 0, change: null, topCode: null }),
    ]);
    expect(summaries[0]?.sparkline).toEqual([...Array<number>(18).fill(0), 2, 0, 0, 0, 0, 3]);
  });
});
