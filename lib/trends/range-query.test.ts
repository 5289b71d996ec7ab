import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "./buckets";
import { spikesQuery, trendRequestProblem, trendRequestQuery } from "./range-query";

const NOW = Date.parse("2026-11-26T14:20:00Z");
const schema = trendRequestQuery(() => NOW);

function problems(query: Record<string, string>) {
  const parsed = schema.safeParse(query);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."));
}

describe("trendRequestQuery", () => {
  it("defaults to the last 24 hours in hour buckets", () => {
    expect(schema.parse({})).toEqual({ range: { from: NOW - DAY_MS, to: NOW }, bucket: "hour" });
  });

  it("accepts ISO-8601 and epoch milliseconds, a zone-less time as UTC", () => {
    expect(schema.parse({ from: "2026-11-20T00:00", to: String(NOW), bucket: "day" })).toEqual({
      range: { from: Date.parse("2026-11-20T00:00Z"), to: NOW },
      bucket: "day",
    });
  });

  it("fills a missing end: `to` is now, `from` is 24 hours before `to`", () => {
    expect(schema.parse({ from: String(NOW - 2 * HOUR_MS) }).range).toEqual({ from: NOW - 2 * HOUR_MS, to: NOW });
    expect(schema.parse({ to: String(NOW - DAY_MS) }).range).toEqual({ from: NOW - 2 * DAY_MS, to: NOW - DAY_MS });
  });

  it("chooses the bucket from the range when none is asked for", () => {
    expect(schema.parse({ from: String(NOW - HOUR_MS) }).bucket).toBe("minute");
    expect(schema.parse({ from: String(NOW - 3 * DAY_MS) }).bucket).toBe("hour");
    expect(schema.parse({ from: String(NOW - 30 * DAY_MS) }).bucket).toBe("day");
  });

  it.each([
    [{ from: "yesterday" }, ["from"]],
    [{ to: "2026-13-45T00:00:00Z" }, ["to"]],
    [{ bucket: "week" }, ["bucket"]],
    [{ from: String(NOW), to: String(NOW) }, ["to"]],
    [{ from: String(NOW), to: String(NOW - 1) }, ["to"]],
    [{ from: String(NOW - 401 * DAY_MS), bucket: "day" }, ["from"]],
    [{ from: String(NOW - 90 * DAY_MS), bucket: "hour" }, ["bucket"]],
    [{ from: String(NOW - 7 * HOUR_MS), bucket: "minute" }, ["bucket"]],
  ])("refuses %j naming %j", (query, paths) => {
    expect(problems(query)).toEqual(paths);
  });

  it("accepts the limits themselves", () => {
    expect(problems({ from: String(NOW - 400 * DAY_MS), to: String(NOW), bucket: "day" })).toEqual([]);
    expect(problems({ from: String(NOW - 6 * HOUR_MS), to: String(NOW), bucket: "minute" })).toEqual([]);
    // 2,000 hour buckets exactly: an aligned range of 2,000 hours.
    expect(trendRequestProblem({ from: 0, to: 2000 * HOUR_MS }, "hour")).toBeNull();
    expect(trendRequestProblem({ from: 0, to: 2000 * HOUR_MS + 1 }, "hour")?.path).toBe("bucket");
  });
});

describe("spikesQuery", () => {
  it("defaults to 1h and refuses other windows naming `window`", () => {
    expect(spikesQuery.parse({})).toEqual({ window: "1h" });
    expect(spikesQuery.parse({ window: "24h" })).toEqual({ window: "24h" });
    const parsed = spikesQuery.safeParse({ window: "7d" });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."))).toEqual(["window"]);
  });
});
