import { describe, expect, it } from "vitest";
import { loadSearchPageParams, serializeSearchPage, toSearchFilters } from "./search-params";

function filtersOf(query: string) {
  return toSearchFilters(loadSearchPageParams(new URLSearchParams(query)));
}

describe("the search page's URL", () => {
  it("reads every filter in the API's parameter names", () => {
    expect(filtersOf("q=quota&org_id=org_acme&code=common.quota_exceeded&http_status=429&service=billing&range=7d")).toEqual({
      orgId: "org_acme",
      code: "common.quota_exceeded",
      httpStatus: 429,
      service: "billing",
      range: "7d",
    });
  });

  it("reads a custom range, and from/to without a range as one (the organization pages link that way)", () => {
    const custom = { range: "custom", from: Date.parse("2026-11-26T10:00:00Z"), to: Date.parse("2026-11-26T11:00:00Z") };
    expect(filtersOf("range=custom&from=2026-11-26T10:00:00Z&to=2026-11-26T11:00:00Z")).toEqual(custom);
    expect(filtersOf("from=2026-11-26T10:00:00Z&to=2026-11-26T11:00:00Z")).toEqual(custom);
  });

  it("ignores what it cannot read rather than failing the page", () => {
    expect(filtersOf("http_status=42&range=fortnight&from=yesterday&org_id=%20")).toEqual({});
    expect(filtersOf("http_status=abc")).toEqual({});
  });

  it("round-trips: a written URL reads back as the same filters", () => {
    const state = {
      q: "req_8a3f…",
      org_id: "org_acme",
      code: "common.internal",
      http_status: 500,
      service: "uploads",
      range: "custom" as const,
      from: new Date("2026-11-26T10:00:00Z"),
      to: new Date("2026-11-26T11:00:00Z"),
    };
    const url = serializeSearchPage("/", state);
    const read = loadSearchPageParams(new URL(url, "http://errata.test").searchParams);
    expect(read).toEqual(state);
    expect(url).toContain("org_id=org_acme");
  });
});
