import { describe, expect, it } from "vitest";
import { toOrgSummaryJson, toSpikeReportJson, toTrendJson } from "./json";
import { SPIKE_RULE_TEXT } from "./spike-rule";

const T = Date.parse("2026-11-26T14:00:00Z");

describe("API shapes", () => {
  it("renders a trend with ISO times", () => {
    expect(toTrendJson({ bucket: "hour", from: T, to: T + 3_600_000, series: [{ t: T, counts: { a: 1 } }], totals: { a: 1 } })).toEqual({
      bucket: "hour",
      from: "2026-11-26T14:00:00.000Z",
      to: "2026-11-26T15:00:00.000Z",
      series: [{ t: "2026-11-26T14:00:00.000Z", counts: { a: 1 } }],
      totals: { a: 1 },
    });
  });

  it("renders a spike report in snake_case with the rule", () => {
    const spike = {
      kind: "new_code" as const,
      orgId: "org_a",
      code: "common.internal",
      httpStatus: 500,
      window: "1h" as const,
      range: { from: T - 3_600_000, to: T },
      recent: 12,
      expected: 0,
      spread: 1,
      score: 12,
      firstSeenAt: T - 60_000,
    };
    expect(toSpikeReportJson({ window: "1h", evaluatedAt: T, spikes: [], newCodes: [spike] })).toEqual({
      window: "1h",
      evaluated_at: "2026-11-26T14:00:00.000Z",
      rule: SPIKE_RULE_TEXT,
      spikes: [],
      new_codes: [
        {
          kind: "new_code",
          org_id: "org_a",
          code: "common.internal",
          http_status: 500,
          window: "1h",
          from: "2026-11-26T13:00:00.000Z",
          to: "2026-11-26T14:00:00.000Z",
          recent: 12,
          expected: 0,
          spread: 1,
          score: 12,
          first_seen_at: "2026-11-26T13:59:00.000Z",
        },
      ],
    });
  });

  it("renders an organization summary in snake_case", () => {
    const summary = { orgId: "org_a", name: "Acme", last24h: 3, previous24h: 0, change: null, topCode: "a", sparkline: [1, 2] };
    expect(toOrgSummaryJson(summary)).toEqual({ org_id: "org_a", name: "Acme", last_24h: 3, previous_24h: 0, change: null, top_code: "a", sparkline: [1, 2] });
  });
});
