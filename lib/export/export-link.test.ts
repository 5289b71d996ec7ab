import { describe, expect, it } from "vitest";
import { listEventsQuery, toEventFilter } from "@/lib/events/list-query";
import { eventFilterParams, exportHref } from "./export-link";

describe("exportHref", () => {
  it("carries every filter in the API's names and the format", () => {
    const href = exportHref("csv", {
      orgId: "org_acme",
      code: "common.internal",
      httpStatus: 500,
      service: "uploads & more",
      from: Date.parse("2026-11-26T10:00:00Z"),
      to: Date.parse("2026-11-26T11:00:00Z"),
      text: "timeout",
    });
    expect(href).toBe(
      "/api/v1/events/export?org_id=org_acme&code=common.internal&http_status=500&service=uploads+%26+more&from=2026-11-26T10%3A00%3A00.000Z&to=2026-11-26T11%3A00%3A00.000Z&q=timeout&format=csv",
    );
  });

  it("leaves out filters that are not set", () => {
    expect(exportHref("ndjson", { orgId: undefined, code: "" })).toBe("/api/v1/events/export?format=ndjson");
  });

  it("is read back by the API as the same filter", () => {
    const filter = { requestIdPrefix: "req_8a", orgId: "org_acme", httpStatus: 429, service: "billing", from: 1_000, to: 2_000, text: "quota" };
    const parsed = listEventsQuery.parse(Object.fromEntries(eventFilterParams(filter)));
    expect(toEventFilter(parsed)).toEqual({ ...filter, code: undefined });
  });
});
