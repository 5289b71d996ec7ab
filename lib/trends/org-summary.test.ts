import { describe, expect, it } from "vitest";
import { HOUR_MS } from "./buckets";
import { summarizeOrgs, summaryRanges } from "./org-summary";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const CURRENT_HOUR = Date.parse("2026-11-26T14:00:00Z");

describe("summaryRanges", () => {
  it("counts the current hour and the 23 before it, then the 24 before those", () => {
    expect(summaryRanges(NOW)).toEqual({
      recent: { from: CURRENT_HOUR - 23 * HOUR_MS, to: CURRENT_HOUR + HOUR_MS },
      previous: { from: CURRENT_HOUR - 47 * HOUR_MS, to: CURRENT_HOUR - 23 * HOUR_MS },
    });
  });
});

describe("summarizeOrgs", () => {
  const orgs = [
    { id: "org_a", name: "Acme" },
    { id: "org_b", name: null },
    { id: "org_quiet", name: "Quiet" },
  ];

  it("sums both periods, fills the sparkline oldest first and picks the top code", () => {
    const summaries = summarizeOrgs(
      orgs,
      [
        { orgId: "org_a", hour: CURRENT_HOUR, count: 5 },
        { orgId: "org_a", hour: CURRENT_HOUR - 23 * HOUR_MS, count: 3 },
        { orgId: "org_a", hour: CURRENT_HOUR - 24 * HOUR_MS, count: 4 },
        { orgId: "org_b", hour: CURRENT_HOUR - 30 * HOUR_MS, count: 2 },
        { orgId: "org_unknown", hour: CURRENT_HOUR, count: 99 },
      ],
      [
        { orgId: "org_a", code: "common.internal", count: 3 },
        { orgId: "org_a", code: "api_key.revoked", count: 5 },
      ],
      NOW,
    );
    expect(summaries.map((summary) => summary.orgId)).toEqual(["org_a", "org_b", "org_quiet"]);
    const [a, b, quiet] = summaries;
    expect(a).toMatchObject({ name: "Acme", last24h: 8, previous24h: 4, change: 1, topCode: "api_key.revoked" });
    expect(a?.sparkline).toHaveLength(24);
    expect(a?.sparkline[0]).toBe(3);
    expect(a?.sparkline[23]).toBe(5);
    expect(a?.sparkline.reduce((sum, n) => sum + n, 0)).toBe(a?.last24h);
    expect(b).toMatchObject({ name: null, last24h: 0, previous24h: 2, change: -1, topCode: null });
    expect(quiet).toMatchObject({ last24h: 0, previous24h: 0, change: null, topCode: null, sparkline: Array(24).fill(0) });
  });

  it("breaks a top-code tie alphabetically", () => {
    const [summary] = summarizeOrgs(
      [{ id: "org_a", name: null }],
      [],
      [
        { orgId: "org_a", code: "z.code", count: 4 },
        { orgId: "org_a", code: "a.code", count: 4 },
        { orgId: "org_a", code: "m.code", count: 2 },
      ],
      NOW,
    );
    expect(summary?.topCode).toBe("a.code");
  });
});
