import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setOrganizationNames } from "@/db/queries/organizations";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { storeEventsAt } from "@/lib/trends/test-events";
import { GET } from "./route";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const HOUR = 3_600_000;

const handler = setupHandlerTests(async () => {
  await storeEventsAt([
    { at: NOW - 10 * 60_000, orgId: "org_acme_music", n: 4 },
    { at: NOW - 30 * HOUR, orgId: "org_acme_music", n: 2 },
    { at: NOW - 2 * HOUR, orgId: "org_bandcraft", code: "common.quota_exceeded", httpStatus: 429, n: 9 },
  ]);
  await setOrganizationNames([{ id: "org_acme_music", name: "Acme Music Group" }]);
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

function getOrgs(key: string | null = handler.keys.read) {
  return GET(new Request(`${BASE_URL}/api/v1/orgs`, { headers: key ? bearer(key) : {} }), routeContext());
}

describe("GET /api/v1/orgs", () => {
  it("lists every organization, busiest first, in snake_case", async () => {
    const response = await getOrgs();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { evaluated_at: string; orgs: Record<string, unknown>[] };
    expect(body.evaluated_at).toBe("2026-11-26T14:20:00.000Z");
    expect(body.orgs).toEqual([
      { org_id: "org_bandcraft", name: null, last_24h: 9, previous_24h: 0, change: null, top_code: "common.quota_exceeded", sparkline: expect.any(Array) },
      { org_id: "org_acme_music", name: "Acme Music Group", last_24h: 4, previous_24h: 2, change: 1, top_code: "api_key.scope_denied", sparkline: expect.any(Array) },
    ]);
    expect(body.orgs[1]?.sparkline).toEqual([...Array<number>(23).fill(0), 4]);
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await getOrgs(null), 401, "common.unauthorized");
    await expectEnvelope(await getOrgs(handler.keys.ingest), 403, "auth.scope_denied");
  });
});
