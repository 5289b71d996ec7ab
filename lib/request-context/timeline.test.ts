import { describe, expect, it } from "vitest";
import { describeOffset, toTimeline } from "./timeline";

const AT = Date.parse("2026-11-26T14:20:00Z");
const event = (requestId: string, minutes: number) => ({ requestId, code: "common.internal", httpStatus: 500, occurredAt: AT + minutes * 60_000 });

describe("toTimeline", () => {
  it("puts the earlier neighbours (given nearest first) before the request and the later ones after it", () => {
    const self = { ...event("req_self", 0), details: { secret: "not copied" } };
    const timeline = toTimeline(self, { earlier: [event("req_b", -2), event("req_a", -9)], later: [event("req_c", 1)] });
    expect(timeline.map((e) => [e.requestId, e.offsetMs / 60_000, e.isThis])).toEqual([
      ["req_a", -9, false],
      ["req_b", -2, false],
      ["req_self", 0, true],
      ["req_c", 1, false],
    ]);
    expect(timeline[2]).not.toHaveProperty("details");
  });

  it("is the request alone when nothing happened around it", () => {
    expect(toTimeline(event("req_self", 0), { earlier: [], later: [] })).toEqual([{ ...event("req_self", 0), offsetMs: 0, isThis: true }]);
  });
});

describe("describeOffset", () => {
  it.each([
    [0, "same moment"],
    [999, "same moment"],
    [-40_000, "40 s before"],
    [59_400, "59 s after"],
    [-5 * 60_000, "5 min before"],
    [15 * 60_000, "15 min after"],
    [-(14 * 60_000 + 31_000), "15 min before"],
  ])("%i ms → %s", (offset, text) => {
    expect(describeOffset(offset)).toBe(text);
  });
});
