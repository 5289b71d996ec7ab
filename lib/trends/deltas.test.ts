import { describe, expect, it } from "vitest";
import { codeBreakdown, dominantStatus, previousRange, relativeChange, statusMix, sumCounts } from "./deltas";

describe("previousRange", () => {
  it("is the period of the same length ending where the range starts", () => {
    expect(previousRange({ from: 1000, to: 1600 })).toEqual({ from: 400, to: 1000 });
  });
});

describe("relativeChange", () => {
  it.each([
    [150, 100, 0.5],
    [50, 100, -0.5],
    [0, 100, -1],
    [100, 100, 0],
    [7, 0, null],
    [0, 0, null],
  ])("%d against %d is %s", (current, previous, change) => {
    expect(relativeChange(current, previous)).toBe(change);
  });
});

describe("codeBreakdown", () => {
  const current = [
    { code: "common.quota_exceeded", httpStatus: 429, count: 60 },
    { code: "common.internal", httpStatus: 500, count: 25 },
    { code: "common.internal", httpStatus: 503, count: 5 },
    { code: "api_key.revoked", httpStatus: 401, count: 10 },
  ];
  const previous = [
    { code: "common.quota_exceeded", httpStatus: 429, count: 20 },
    { code: "common.internal", httpStatus: 500, count: 30 },
    { code: "registration.dry_run_failed", httpStatus: 422, count: 8 },
  ];

  it("gives count, share, previous count and change per code, largest first", () => {
    expect(codeBreakdown(current, previous)).toEqual([
      { code: "common.quota_exceeded", httpStatus: 429, count: 60, share: 0.6, previousCount: 20, change: 2 },
      { code: "common.internal", httpStatus: 500, count: 30, share: 0.3, previousCount: 30, change: 0 },
      { code: "api_key.revoked", httpStatus: 401, count: 10, share: 0.1, previousCount: 0, change: null },
      { code: "registration.dry_run_failed", httpStatus: 422, count: 0, share: 0, previousCount: 8, change: -1 },
    ]);
  });

  it("has shares that add up to 1 and no rows for two empty periods", () => {
    const shares = codeBreakdown(current, previous).reduce((sum, row) => sum + row.share, 0);
    expect(shares).toBeCloseTo(1, 10);
    expect(codeBreakdown([], [])).toEqual([]);
  });

  it("gives share 0, not NaN, when only the previous period had events", () => {
    expect(codeBreakdown([], previous).every((row) => row.share === 0 && row.change === -1)).toBe(true);
  });
});

describe("statusMix", () => {
  it("sums codes per status with shares, most frequent first", () => {
    expect(
      statusMix([
        { code: "a", httpStatus: 500, count: 2 },
        { code: "b", httpStatus: 429, count: 6 },
        { code: "c", httpStatus: 500, count: 2 },
        { code: "d", httpStatus: 404, count: 0 },
      ]),
    ).toEqual([
      { httpStatus: 429, count: 6, share: 0.6 },
      { httpStatus: 500, count: 4, share: 0.4 },
    ]);
    expect(statusMix([])).toEqual([]);
  });
});

describe("helpers", () => {
  it("breaks status ties towards the lower status and sums counts", () => {
    expect(dominantStatus(new Map([[503, 4], [500, 4], [404, 1]]))).toBe(500);
    expect(sumCounts([{ count: 2 }, { count: 3 }])).toBe(5);
  });
});
