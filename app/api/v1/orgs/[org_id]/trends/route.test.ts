import { afterEach, describe, expect, it, vi } from "vitest";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { storeEventsAt } from "@/lib/trends/test-events";
import { GET } from "./route";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const HOUR = 3_600_000;

const handler = setupHandlerTests(async () => {
  await storeEventsAt([
    { at: Date.parse("2026-11-26T10:05:00Z"), code: "common.quota_exceeded", httpStatus: 429, n: 3 },
    { at: Date.parse("2026-11-26T12:59:59Z"), code: "common.internal", httpStatus: 500 },
    { at: Date.parse("2026-11-25T09:00:00Z"), code: "common.internal", httpStatus: 500, n: 2 },
  ]);
});

afterEach(() => {
  vi.useRealTimers();
});

function getTrends(orgId: string, query = "", key: string | null = handler.keys.read) {
  const url = `${BASE_URL}/api/v1/orgs/${encodeURIComponent(orgId)}/trends${query}`;
  return GET(new Request(url, { headers: key ? bearer(key) : {} }), routeContext({ org_id: orgId }));
}

interface TrendBody {
  bucket: string;
  from: string;
  to: string;
  series: { t: string; counts: Record<string, number> }[];
  totals: Record<string, number>;
}

async function okBody(response: Response): Promise<TrendBody> {
  expect(response.status).toBe(200);
  expect(response.headers.get("X-Request-Id")).toMatch(/^req_[0-9a-f]{24}$/);
  return (await response.json()) as TrendBody;
}

describe("GET /api/v1/orgs/{org_id}/trends", () => {
  it("answers per the contract: ISO bucket starts, every bucket present, exact counts and totals", async () => {
    const body = await okBody(await getTrends("org_acme", "?from=2026-11-26T10:00:00Z&to=2026-11-26T14:00:00Z&bucket=hour"));
    expect(body).toEqual({
      bucket: "hour",
      from: "2026-11-26T10:00:00.000Z",
      to: "2026-11-26T14:00:00.000Z",
      series: [
        { t: "2026-11-26T10:00:00.000Z", counts: { "common.quota_exceeded": 3 } },
        { t: "2026-11-26T11:00:00.000Z", counts: {} },
        { t: "2026-11-26T12:00:00.000Z", counts: { "common.internal": 1 } },
        { t: "2026-11-26T13:00:00.000Z", counts: {} },
      ],
      totals: { "common.quota_exceeded": 3, "common.internal": 1 },
    });
  });

  it("takes epoch milliseconds and day buckets", async () => {
    const from = Date.parse("2026-11-25T00:00:00Z");
    const body = await okBody(await getTrends("org_acme", `?from=${from}&to=${from + 48 * HOUR}&bucket=day`));
    expect(body.series).toEqual([
      { t: "2026-11-25T00:00:00.000Z", counts: { "common.internal": 2 } },
      { t: "2026-11-26T00:00:00.000Z", counts: { "common.quota_exceeded": 3, "common.internal": 1 } },
    ]);
  });

  it("defaults to the last 24 hours in hour buckets", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const body = await okBody(await getTrends("org_acme"));
    expect(body).toMatchObject({ bucket: "hour", from: "2026-11-25T14:00:00.000Z", to: "2026-11-26T15:00:00.000Z" });
    expect(body.series).toHaveLength(25);
  });

  it("serves minute buckets for short ranges", async () => {
    const body = await okBody(await getTrends("org_acme", "?from=2026-11-26T10:00:00Z&to=2026-11-26T10:10:00Z&bucket=minute"));
    expect(body.series).toHaveLength(10);
    expect(body.series[5]).toEqual({ t: "2026-11-26T10:05:00.000Z", counts: { "common.quota_exceeded": 3 } });
  });

  it("answers an empty range of a known organization with a zero-filled series, not an error", async () => {
    const body = await okBody(await getTrends("org_acme", "?from=2026-10-01T00:00:00Z&to=2026-10-04T00:00:00Z&bucket=day"));
    expect(body.series.map((point) => point.counts)).toEqual([{}, {}, {}]);
    expect(body.totals).toEqual({});
  });

  it("answers an unknown organization with 404 common.not_found naming the organization", async () => {
    const body = await expectEnvelope(await getTrends("org_nobody", "?bucket=day"), 404, "common.not_found");
    expect(body.details).toEqual({ resource: "organization", id: "org_nobody" });
  });

  it.each([
    ["a malformed date", "?from=yesterday", "from"],
    ["an impossible date", "?to=2026-02-30T25:00:00Z", "to"],
    ["an inverted range", "?from=2026-11-26T12:00:00Z&to=2026-11-26T10:00:00Z", "to"],
    ["an empty range", "?from=2026-11-26T12:00:00Z&to=2026-11-26T12:00:00Z", "to"],
    ["more than 400 days", "?from=2025-01-01T00:00:00Z&to=2026-11-26T00:00:00Z&bucket=day", "from"],
    ["too many buckets", "?from=2026-01-01T00:00:00Z&to=2026-11-26T00:00:00Z&bucket=hour", "bucket"],
    ["minute buckets over more than 6 hours", "?from=2026-11-26T00:00:00Z&to=2026-11-26T07:00:00Z&bucket=minute", "bucket"],
    ["an unknown bucket", "?bucket=week", "bucket"],
  ])("refuses %s with 422 naming `%s`", async (_label, query, field) => {
    const body = await expectEnvelope(await getTrends("org_acme", query), 422, "common.validation_failed");
    expect(body.details.fields).toEqual([{ path: field, message: expect.any(String) }]);
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await getTrends("org_acme", "", null), 401, "common.unauthorized");
    await expectEnvelope(await getTrends("org_acme", "", handler.keys.ingest), 403, "auth.scope_denied");
  });
});
