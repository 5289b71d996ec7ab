import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const REQUEST_ID = /^req_[0-9a-f]{24}$/;

/** What proxy.ts hands the page as request headers (Next carries overrides as x-middleware-request-* on its answer). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe("proxy", () => {
  it("gives every page request a new request id, forwarded to the page and sent back", () => {
    const first = proxy(new NextRequest("http://errata.test/orgs"));
    const second = proxy(new NextRequest("http://errata.test/orgs"));
    expect(first.headers.get("x-request-id")).toMatch(REQUEST_ID);
    expect(forwarded(first, "x-request-id")).toBe(first.headers.get("x-request-id"));
    expect(second.headers.get("x-request-id")).not.toBe(first.headers.get("x-request-id"));
  });

  it("replaces a request id the client sent", () => {
    const response = proxy(new NextRequest("http://errata.test/", { headers: { "x-request-id": "req_chosen_by_the_client" } }));
    expect(forwarded(response, "x-request-id")).toMatch(REQUEST_ID);
  });
});
