import { describe, expect, it } from "vitest";
import type { TrendPoint } from "@/lib/trends/types";
import { groupMinorCodes, OTHER_CODES } from "./group-codes";

describe("groupMinorCodes", () => {
  it("keeps the shown codes and sums every other code into one series", () => {
    const series: TrendPoint[] = [
      { t: 0, counts: { a: 5, b: 2, c: 1, d: 4 } },
      { t: 1, counts: {} },
      { t: 2, counts: { c: 3 } },
    ];
    expect(groupMinorCodes(series, ["a", "d"])).toEqual([
      { t: 0, counts: { a: 5, d: 4, [OTHER_CODES]: 3 } },
      { t: 1, counts: {} },
      { t: 2, counts: { [OTHER_CODES]: 3 } },
    ]);
  });

  it("leaves the series as it is when every code is shown", () => {
    const series = [{ t: 0, counts: { a: 1, b: 2 } }];
    expect(groupMinorCodes(series, ["a", "b"])).toEqual(series);
  });
});
