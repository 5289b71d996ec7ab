import { describe, expect, it } from "vitest";
import { setOrganizationNames } from "@/db/queries/organizations";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./buckets";
import { getCodeActivity } from "./code-activity";
import { storeEventsAt } from "./test-events";

setupFreshDatabasePerTest();

const DAY0 = Date.parse("2026-11-24T00:00:00Z");
const CODE = "common.quota_exceeded";

describe("getCodeActivity", () => {
  it("counts one code across organizations, zero-filled, with the top organizations and their names", async () => {
    await storeEventsAt([
      { at: DAY0 + HOUR_MS, code: CODE, httpStatus: 429, orgId: "org_a", n: 2 },
      { at: DAY0 + DAY_MS + 5, code: CODE, httpStatus: 429, orgId: "org_b", n: 5 },
      { at: DAY0 + DAY_MS + 6, code: "common.internal", httpStatus: 500, orgId: "org_a", n: 9 },
    ]);
    await setOrganizationNames([{ id: "org_b", name: "Bandcraft" }]);
    const activity = await getCodeActivity(CODE, { from: DAY0, to: DAY0 + 3 * DAY_MS }, "day");
    expect(activity).toEqual({
      code: CODE,
      bucket: "day",
      from: DAY0,
      to: DAY0 + 3 * DAY_MS,
      series: [
        { t: DAY0, count: 2 },
        { t: DAY0 + DAY_MS, count: 5 },
        { t: DAY0 + 2 * DAY_MS, count: 0 },
      ],
      total: 7,
      topOrgs: [
        { orgId: "org_b", name: "Bandcraft", count: 5 },
        { orgId: "org_a", name: null, count: 2 },
      ],
    });
    expect((await getCodeActivity(CODE, { from: DAY0, to: DAY0 + 3 * DAY_MS }, "hour")).series).toHaveLength(72);
  });

  it("counts minutes from raw events for short ranges", async () => {
    await storeEventsAt([
      { at: DAY0 + 30 * MINUTE_MS, code: CODE, orgId: "org_a", n: 2 },
      { at: DAY0 + 31 * MINUTE_MS, code: CODE, orgId: "org_b" },
    ]);
    const activity = await getCodeActivity(CODE, { from: DAY0, to: DAY0 + HOUR_MS }, "minute");
    expect(activity.series).toHaveLength(60);
    expect(activity.series[30]).toEqual({ t: DAY0 + 30 * MINUTE_MS, count: 2 });
    expect(activity.total).toBe(3);
    expect(activity.topOrgs.map((org) => org.orgId)).toEqual(["org_a", "org_b"]);
  });

  it("answers a code nobody produced with an empty, zero-filled activity", async () => {
    const activity = await getCodeActivity("nobody.ever", { from: DAY0, to: DAY0 + DAY_MS }, "hour");
    expect(activity.total).toBe(0);
    expect(activity.series).toHaveLength(24);
    expect(activity.topOrgs).toEqual([]);
  });
});
