import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "./same-origin";

const ours = ["http://127.0.0.1:3000", "https://errata.example.com"];
const headers = (init: Record<string, string>) => new Headers(init);

describe("isSameOriginWrite", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(isSameOriginWrite(method, headers({ origin: "https://evil.example" }), ours)).toBe(true);
  });

  it("accepts writes from our own origins", () => {
    expect(isSameOriginWrite("POST", headers({ origin: "http://127.0.0.1:3000" }), ours)).toBe(true);
    expect(isSameOriginWrite("POST", headers({ origin: "https://errata.example.com" }), ours)).toBe(true);
  });

  it("refuses writes from other sites, look-alikes and opaque origins", () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "https://errata.example.com.evil.example", "null"]) {
      expect(isSameOriginWrite("POST", headers({ origin }), ours)).toBe(false);
    }
  });

  it("falls back to the Referer's origin, and refuses a write that names neither", () => {
    expect(isSameOriginWrite("POST", headers({ referer: "http://127.0.0.1:3000/settings/keys" }), ours)).toBe(true);
    expect(isSameOriginWrite("POST", headers({ referer: "https://evil.example/page" }), ours)).toBe(false);
    expect(isSameOriginWrite("POST", headers({ referer: "not a url" }), ours)).toBe(false);
    expect(isSameOriginWrite("DELETE", headers({}), ours)).toBe(false);
  });
});
