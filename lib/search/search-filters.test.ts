import { describe, expect, it } from "vitest";
import { hasActiveFilters, searchFiltersSchema, toEventFilterAt } from "./search-filters";

const NOW = Date.parse("2026-11-26T14:00:00Z");
const HOUR = 3_600_000;

describe("toEventFilterAt", () => {
  it("passes field filters through", () => {
    expect(toEventFilterAt({ orgId: "org_acme", code: "common.internal", httpStatus: 500, service: "uploads" }, NOW)).toEqual({
      orgId: "org_acme",
      code: "common.internal",
      httpStatus: 500,
      service: "uploads",
    });
  });

  it.each([
    ["1h", HOUR],
    ["24h", 24 * HOUR],
    ["7d", 7 * 24 * HOUR],
    ["30d", 30 * 24 * HOUR],
  ] as const)("reaches back %s from now and leaves the end open", (range, span) => {
    expect(toEventFilterAt({ range }, NOW)).toEqual({ from: NOW - span });
  });

  it("uses from and to for a custom range, either end alone included", () => {
    expect(toEventFilterAt({ range: "custom", from: 1, to: 2 }, NOW)).toMatchObject({ from: 1, to: 2 });
    expect(toEventFilterAt({ range: "custom", from: 1 }, NOW)).toEqual({ from: 1 });
  });

  it("ignores from and to beside a preset", () => {
    expect(toEventFilterAt({ range: "1h", from: 1, to: 2 }, NOW)).toEqual({ from: NOW - HOUR });
  });

  it("treats empty text as no filter", () => {
    expect(toEventFilterAt({ orgId: "", code: "", service: "" }, NOW)).toEqual({});
  });
});

describe("hasActiveFilters", () => {
  it.each([
    [{}, false],
    [{ orgId: "" }, false],
    [{ range: "custom" }, false],
    [{ range: "custom", to: 5 }, true],
    [{ range: "24h" }, true],
    [{ httpStatus: 404 }, true],
    [{ service: "uploads" }, true],
  ] as const)("%j → %s", (filters, active) => {
    expect(hasActiveFilters(filters)).toBe(active);
  });
});

describe("searchFiltersSchema", () => {
  it("trims text and drops what is empty", () => {
    expect(searchFiltersSchema.parse({ orgId: "  org_acme ", code: " ", service: "" })).toEqual({ orgId: "org_acme", code: undefined, service: undefined });
  });

  it.each([
    [{ httpStatus: 42 }],
    [{ httpStatus: 404.5 }],
    [{ range: "2w" }],
    [{ from: -1 }],
    [{ orgId: "x".repeat(129) }],
  ])("refuses %j", (input) => {
    expect(searchFiltersSchema.safeParse(input).success).toBe(false);
  });
});
