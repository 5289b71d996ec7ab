import { describe, expect, it } from "vitest";
import { findEventByRequestId, storeEvents } from "@/db/queries/events";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/trends/buckets";
import { storeEventsAt, type EventsAt } from "@/lib/trends/test-events";
import { loadRequestContext } from "./load";

setupFreshDatabasePerTest();

const NOW = Date.parse("2026-11-26T14:20:00Z");
const ORG = "org_band";
const CODE = "common.quota_exceeded";

/** `perHour` events of the org and code in every hour of the 8 days before now (a steady baseline). */
function steady(perHour: number, code = CODE): EventsAt[] {
  const first = Math.floor(NOW / HOUR_MS) * HOUR_MS - 8 * DAY_MS;
  const events: EventsAt[] = [];
  for (let hour = first; hour < NOW - HOUR_MS; hour += HOUR_MS) events.push({ at: hour + HOUR_MS / 2, orgId: ORG, code, httpStatus: 429, n: perHour });
  return events;
}

async function storeRequest(requestId: string, at: number, code = CODE) {
  await storeEvents([storedEventInput({ requestId, orgId: ORG, code, httpStatus: 429, occurredAt: at })], NOW);
  const event = await findEventByRequestId(requestId);
  if (!event) throw new Error("not stored");
  return event;
}

describe("loadRequestContext", () => {
  it("finds the spike the request is part of, checking only the last hour", async () => {
    await storeEventsAt([...steady(2), ...Array.from({ length: 60 }, (_, k): EventsAt => ({ at: NOW - HOUR_MS + k * MINUTE_MS, orgId: ORG, code: CODE, httpStatus: 429 }))]);
    const context = await loadRequestContext(await storeRequest("req_in_spike", NOW - 10 * MINUTE_MS), NOW);
    expect(context.spike).toMatchObject({ includesThis: true, spike: { kind: "spike", orgId: ORG, code: CODE, window: "1h" } });
    expect(context.spikeWindowsChecked).toEqual(["1h"]);
    // The spike's events one a minute from 25 minutes before to just before now; the steady ones are older.
    expect(context.around.others).toBe(25);
    expect(context.around.timeline.filter((entry) => entry.isThis).map((entry) => entry.requestId)).toEqual(["req_in_spike"]);
    expect(context.around.timeline).toHaveLength(11);
  });

  it("checks the last 24 hours too for a request of today that no hourly spike covers", async () => {
    await storeEventsAt([...steady(2), { at: NOW - 3 * HOUR_MS, orgId: ORG, code: "common.not_found", httpStatus: 404 }]);
    const event = await storeRequest("req_today", NOW - 5 * HOUR_MS);
    const context = await loadRequestContext(event, NOW);
    expect(context.spike).toBeNull();
    expect(context.spikeWindowsChecked).toEqual(["1h", "24h"]);
    // 2 at half past every hour from 7 days ago (14:30) to the last full hour (13:30), plus the request.
    expect(context.codeHistory.count).toBe(2 * 7 * 24 + 1);
    expect(context.codeHistory.range).toEqual({ from: NOW - 7 * DAY_MS, to: NOW });
    expect(context.codeHistory.otherCodes).toEqual(["common.not_found"]);
    expect(context.around.range).toEqual({ from: event.occurredAt - 15 * MINUTE_MS, to: event.occurredAt + 15 * MINUTE_MS });
  });

  it("checks only the last hour for an older request, and still says when its code is new for the organization", async () => {
    await storeEventsAt([...steady(2, "common.internal"), { at: NOW - 20 * MINUTE_MS, orgId: ORG, code: CODE, httpStatus: 429, n: 3 }]);
    const context = await loadRequestContext(await storeRequest("req_old", NOW - 3 * DAY_MS, "common.internal"), NOW);
    expect(context.spikeWindowsChecked).toEqual(["1h"]);
    expect(context.spike).toBeNull();

    const fresh = await loadRequestContext(await storeRequest("req_new_code", NOW - 5 * MINUTE_MS), NOW);
    expect(fresh.spike).toMatchObject({ includesThis: true, spike: { kind: "new_code", code: CODE } });
  });
});
