import { describe, expect, it } from "vitest";
import { storeEventsAt } from "@/lib/trends/test-events";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { getOrganization, listOrganizations, organizationNames, setOrganizationNames } from "./organizations";

setupFreshDatabasePerTest();

const T = Date.parse("2026-11-26T14:00:00Z");

describe("organizations", async () => {
  it("are created by their first event, without a name until one is set", async () => {
    await storeEventsAt([{ at: T, orgId: "org_b" }, { at: T, orgId: "org_a" }]);
    expect(await getOrganization("org_a")).toEqual({ id: "org_a", name: null, firstSeenAt: expect.any(Number) });
    expect(await getOrganization("org_nobody")).toBeUndefined();
    expect((await listOrganizations()).map((org) => org.id)).toEqual(["org_a", "org_b"]);
  });

  it("take names in one call, ignore unknown ids, and can have a name cleared", async () => {
    await storeEventsAt([{ at: T, orgId: "org_a" }, { at: T, orgId: "org_b" }]);
    expect(
      await setOrganizationNames([
        { id: "org_a", name: "Acme Music Group" },
        { id: "org_b", name: "Bandcraft" },
        { id: "org_nobody", name: "Nobody" },
      ]),
    ).toBe(2);
    expect((await getOrganization("org_a"))?.name).toBe("Acme Music Group");
    expect(await getOrganization("org_nobody")).toBeUndefined();
    expect(await organizationNames(["org_a", "org_b", "org_nobody"])).toEqual(
      new Map([
        ["org_a", "Acme Music Group"],
        ["org_b", "Bandcraft"],
      ]),
    );
    expect(await organizationNames([])).toEqual(new Map());
    await setOrganizationNames([{ id: "org_b", name: null }]);
    expect((await getOrganization("org_b"))?.name).toBeNull();
  });
});
