import { describe, expect, it } from "vitest";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./buckets";
import { findSpikes } from "./spikes";
import { storeEventsAt, type EventsAt } from "./test-events";

setupFreshDatabasePerTest();

const NOW = Date.parse("2026-11-26T14:20:00Z");
const WINDOW = { from: NOW - HOUR_MS, to: NOW };

/** `perHour(hourStart)` events of one pair in every hour of the 8 days before now, evenly spread. */
function hourly(orgId: string, code: string, httpStatus: number, perHour: (hour: number) => number, days = 8): EventsAt[] {
  const events: EventsAt[] = [];
  const first = Math.floor(NOW / HOUR_MS) * HOUR_MS - days * DAY_MS;
  for (let hour = first; hour < NOW; hour += HOUR_MS) {
    const n = perHour(hour);
    for (let k = 0; k < n; k++) {
      const at = hour + Math.floor(((k + 0.5) * HOUR_MS) / n);
      if (at < NOW) events.push({ at, orgId, code, httpStatus });
    }
  }
  return events;
}

const inWindow = (hour: number) => hour >= Math.floor(WINDOW.from / HOUR_MS) * HOUR_MS;

describe("findSpikes", () => {
  it("finds a constructed spike and leaves steady traffic, a daily cycle and a small org's 1 → 3 alone", async () => {
    await storeEventsAt([
      ...hourly("org_band", "common.quota_exceeded", 429, () => 2),
      ...Array.from({ length: 60 }, (_, k): EventsAt => ({ at: WINDOW.from + k * MINUTE_MS, orgId: "org_band", code: "common.quota_exceeded", httpStatus: 429 })),
      ...hourly("org_acme", "common.validation_failed", 422, () => 30),
      ...hourly("org_acme", "api_key.scope_denied", 403, (hour) => ([13, 14].includes(new Date(hour).getUTCHours()) ? 40 : 2)),
      ...hourly("org_small", "common.internal", 500, (hour) => (inWindow(hour) ? 3 : 1)),
    ]);
    const report = await findSpikes("1h", NOW);
    expect(report).toMatchObject({ window: "1h", evaluatedAt: NOW, newCodes: [] });
    expect(report.spikes).toHaveLength(1);
    const [spike] = report.spikes;
    expect(spike).toMatchObject({ kind: "spike", orgId: "org_band", code: "common.quota_exceeded", httpStatus: 429, window: "1h", range: WINDOW, firstSeenAt: null });
    // 2 an hour before, plus the 60 of the spike; the baseline is 2 on each previous day.
    expect(spike?.recent).toBe(62);
    expect(spike?.expected).toBe(2);
    expect(spike?.score).toBeGreaterThan(20);
  });

  it("ranks the worst spike first", async () => {
    const burst = (orgId: string, n: number) => Array.from({ length: n }, (_, k): EventsAt => ({ at: NOW - 1 - k * 1000, orgId, code: "common.internal", httpStatus: 500 }));
    await storeEventsAt([...hourly("org_a", "common.internal", 500, () => 1), ...hourly("org_b", "common.internal", 500, () => 1), ...burst("org_a", 20), ...burst("org_b", 80)]);
    expect((await findSpikes("1h", NOW)).spikes.map((spike) => spike.orgId)).toEqual(["org_b", "org_a"]);
  });

  it("judges a 24-hour window against the whole UTC days before it, exactly", async () => {
    await storeEventsAt([
      ...hourly("org_band", "common.quota_exceeded", 429, (hour) => (hour >= NOW - 6 * HOUR_MS ? 20 : 2)),
      ...hourly("org_acme", "common.validation_failed", 422, () => 5),
      ...hourly("org_acme", "api_key.scope_denied", 403, (hour) => ([13, 14].includes(new Date(hour).getUTCHours()) ? 40 : 2)),
    ]);
    const report = await findSpikes("24h", NOW);
    expect(report.spikes.map((spike) => [spike.orgId, spike.range.from])).toEqual([["org_band", NOW - DAY_MS]]);
    // 09:00–14:00 at 20 an hour (7 of 14:00's so far), 2 an hour back to 14:20 yesterday; exactly 48 on each whole day before.
    expect(report.spikes[0]).toMatchObject({ recent: 5 * 20 + 7 + 37, expected: 48, spread: 6.93 });
  });

  it("finds new codes in a 24-hour window, with the baseline days as evidence and the rest of the 30 days queried", async () => {
    const window = { from: NOW - DAY_MS, to: NOW };
    await storeEventsAt([
      ...hourly("org_acme", "api_key.scope_denied", 403, () => 1),
      { at: NOW - 3 * DAY_MS, code: "common.bad_request", httpStatus: 400 }, // a baseline day
      { at: NOW - 20 * DAY_MS, code: "common.conflict", httpStatus: 409 }, // the 30 days, outside the baseline days
      { at: window.from - 5 * MINUTE_MS, code: "common.gone", httpStatus: 410 }, // the partial hour before the window
      { at: NOW - 31 * DAY_MS, code: "common.not_found", httpStatus: 404 }, // longer ago
      ...["common.bad_request", "common.conflict", "common.gone", "common.not_found", "registration.audio_empty"].map((code, k) => ({
        at: NOW - (k + 1) * HOUR_MS,
        code,
        httpStatus: 400,
      })),
    ]);
    expect((await findSpikes("24h", NOW)).newCodes.map((spike) => spike.code)).toEqual(["common.not_found", "registration.audio_empty"]);
  });

  it("does not judge an organization without a day of history, but reports its codes as new", async () => {
    await storeEventsAt(Array.from({ length: 50 }, (_, k): EventsAt => ({ at: WINDOW.from + k * MINUTE_MS, orgId: "org_new", code: "common.internal", httpStatus: 500 })));
    const report = await findSpikes("1h", NOW);
    expect(report.spikes).toEqual([]);
    expect(report.newCodes).toMatchObject([{ kind: "new_code", orgId: "org_new", code: "common.internal", recent: 50, expected: 0, firstSeenAt: WINDOW.from }]);
  });

  it("reports codes not produced in the previous 30 days with their exact first time, newest first", async () => {
    await storeEventsAt([
      ...hourly("org_acme", "api_key.scope_denied", 403, () => 1),
      { at: NOW - 20 * DAY_MS, code: "common.bad_request", httpStatus: 400 }, // seen within 30 days
      { at: NOW - 31 * DAY_MS, code: "common.not_found", httpStatus: 404 }, // seen, but longer ago
      { at: WINDOW.from - 5 * MINUTE_MS, code: "common.conflict", httpStatus: 409 }, // the partial hour before the window
      { at: WINDOW.from + 35 * MINUTE_MS, code: "common.bad_request", httpStatus: 400 },
      { at: WINDOW.from + 30 * MINUTE_MS, code: "common.not_found", httpStatus: 404 }, // 13:50, raw part
      { at: NOW - 10 * MINUTE_MS, code: "common.conflict", httpStatus: 409 },
      { at: NOW - 2 * MINUTE_MS, code: "registration.audio_empty", httpStatus: 422 }, // 14:18, rollup part
      { at: NOW - 15 * MINUTE_MS, code: "registration.audio_empty", httpStatus: 400 },
      { at: NOW - 15 * MINUTE_MS, code: "registration.audio_empty", httpStatus: 422 },
    ]);
    const report = await findSpikes("1h", NOW);
    expect(report.newCodes.map((spike) => [spike.code, spike.httpStatus, spike.recent, new Date(spike.firstSeenAt ?? 0).toISOString()])).toEqual([
      ["registration.audio_empty", 422, 3, "2026-11-26T14:05:00.000Z"],
      ["common.not_found", 404, 1, "2026-11-26T13:50:00.000Z"],
    ]);
    expect(report.newCodes[0]).toMatchObject({ expected: 0, spread: 1, score: 3, range: WINDOW });
  });

  it("answers an empty database with empty lists", async () => {
    expect(await findSpikes("24h", NOW)).toEqual({ window: "24h", evaluatedAt: NOW, spikes: [], newCodes: [] });
  });
});
