import { describe, expect, it } from "vitest";
import { differingSpan, MIN_CLOSE_ID_BODY, oneEditVariants, prefixVariants } from "./close-ids";

const ID = "req_8a3f2b9c1d4e";

describe("oneEditVariants", () => {
  const variants = new Set(oneEditVariants(ID));

  it.each([
    ["a character replaced", "req_8a3f2b9c1d5e"],
    ["a character missing", "req_8a3f2b9c14e"],
    ["a character extra", "req_8a3f2b9cc1d4e"],
    ["a character added at the end", "req_8a3f2b9c1d4e0"],
    ["the first character replaced", "req_9a3f2b9c1d4e"],
    ["two neighbours swapped", "req_8a3f2b9c1de4"],
  ])("includes %s", (_label, variant) => {
    expect(variants.has(variant)).toBe(true);
  });

  it("leaves out the id itself, and edits of the prefix (prefixVariants' job)", () => {
    expect(variants.has(ID)).toBe(false);
    expect([...variants].every((variant) => variant.startsWith("req_"))).toBe(true);
  });

  it("stays in hex for a hex id, so the lookups stay few", () => {
    const body = ID.length - 4;
    // replaced: 15 per position; extra: 16 per gap; missing and swapped: one per position.
    expect(variants.size).toBeLessThanOrEqual(body * 15 + (body + 1) * 16 + body + body);
    expect([...variants].every((variant) => /^req_[0-9a-f]*$/.test(variant))).toBe(true);
  });

  it("uses the whole id alphabet for an id that is not hex", () => {
    expect(oneEditVariants("req_order:42-Zulu")).toContain("req_order:42-Zuly");
    expect(oneEditVariants("req_0rder:42-Zulu")).toContain("req_order:42-Zulu");
  });

  it(`offers nothing for fewer than ${MIN_CLOSE_ID_BODY} characters after the prefix: too many ids are one edit from those`, () => {
    expect(oneEditVariants("req_8a3f2b9")).toEqual([]);
    expect(oneEditVariants("req_8a3f2b9c")).not.toEqual([]);
  });

  it("treats an id without a prefix as all body", () => {
    expect(oneEditVariants("8a3f2b9c1d4e")).toContain("8a3f2b9c1d4f");
  });
});

describe("prefixVariants", () => {
  it.each([
    ["no prefix", "8a3f2b9c1d4e", "req_8a3f2b9c1d4e"],
    ["request_", "request_8a3f2b9c1d4e", "req_8a3f2b9c1d4e"],
    ["rq-", "rq-8a3f2b9c1d4e", "req_8a3f2b9c1d4e"],
    ["REQ: in capitals", "REQ:8A3F2B9C1D4E", "req_8a3f2b9c1d4e"],
    ["req_ with the body in capitals", "req_8A3F2B9C1D4E", "req_8a3f2b9c1d4e"],
  ])("rewrites an id with %s as Errata's services write it", (_label, given, expected) => {
    expect(prefixVariants(given)).toContain(expected);
  });

  it("also tries a req_ id without its prefix, for services that send bare ids", () => {
    expect(prefixVariants(ID)).toEqual(["req_8A3F2B9C1D4E", "8a3f2b9c1d4e", "8A3F2B9C1D4E"]);
  });

  it("does not take the first group of a UUID for a prefix", () => {
    expect(prefixVariants("deadbeef-4e5f-6071-8293")).toContain("req_deadbeef-4e5f-6071-8293");
  });

  it("offers nothing for a short body", () => {
    expect(prefixVariants("rq_8a3f")).toEqual([]);
  });
});

describe("differingSpan", () => {
  it.each([
    ["a character replaced", "req_8a3f2b9c", "req_8a3f2c9c", { start: 9, end: 10 }],
    ["a character missing from the quote", "req_8a3f29c", "req_8a3f2b9c", { start: 9, end: 10 }],
    ["a character extra in the quote", "req_8a3f2bb9c", "req_8a3f2b9c", { start: 10, end: 10 }],
    ["a different prefix", "request_8a3f", "req_8a3f", { start: 3, end: 3 }],
    ["two characters swapped", "req_8a3f2b9c", "req_8a3f29bc", { start: 9, end: 11 }],
  ])("marks what differs: %s", (_label, given, suggested, span) => {
    expect(differingSpan(given, suggested)).toEqual(span);
  });
});
