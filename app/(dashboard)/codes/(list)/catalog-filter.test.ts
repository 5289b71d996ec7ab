import { describe, expect, it } from "vitest";
import { catalogEntries, catalogFamilies } from "@/lib/catalog";
import { countCodes, filterCodeGroups, summarizeCatalog } from "./catalog-filter";

const groups = summarizeCatalog(catalogFamilies());
const codesOf = (query: string, origin?: "all" | "api" | "errata") =>
  filterCodeGroups(groups, query, origin).flatMap((group) => group.codes.map((entry) => entry.code));

describe("summarizeCatalog", () => {
  it("keeps every catalog code exactly once, grouped by its family", () => {
    expect(countCodes(groups)).toBe(catalogEntries.length);
    for (const group of groups) {
      for (const entry of group.codes) expect(entry.code.split(".")[0]).toBe(group.family);
    }
  });

  it("lists the API's families first, then Errata's own", () => {
    expect(groups.map((group) => group.family)).toEqual(["api_key", "registration", "common", "auth", "ingest"]);
  });

  it("is plain data that survives serialization to the client", () => {
    expect(JSON.parse(JSON.stringify(groups))).toEqual(groups);
  });
});

describe("filterCodeGroups", () => {
  it("returns everything for an empty or blank query", () => {
    expect(filterCodeGroups(groups, "")).toEqual(groups);
    expect(filterCodeGroups(groups, "   ")).toEqual(groups);
  });

  it("matches part of a code, case-insensitively", () => {
    expect(codesOf("AUDIO_too")).toEqual(["registration.audio_too_large"]);
    expect(codesOf("quota_exceeded")).toEqual(["common.quota_exceeded"]);
  });

  it("matches words of a title or meaning, and code segments written with spaces", () => {
    expect(codesOf("audio too large")).toContain("registration.audio_too_large");
    expect(codesOf("revoked")).toEqual(expect.arrayContaining(["api_key.revoked", "auth.key_revoked"]));
  });

  it("matches an HTTP status exactly, by its first digits, or by class", () => {
    const all = groups.flatMap((group) => group.codes);
    expect(codesOf("413").sort()).toEqual(all.filter((entry) => entry.httpStatus === 413).map((entry) => entry.code).sort());
    expect(codesOf("5xx").length).toBe(all.filter((entry) => entry.httpStatus >= 500).length);
    const statusOf = new Map(all.map((entry) => [entry.code, entry.httpStatus]));
    expect(codesOf("42").map((code) => String(statusOf.get(code)).slice(0, 2))).toEqual(codesOf("42").map(() => "42"));
    expect(codesOf("42")).toEqual(expect.arrayContaining(["common.validation_failed", "common.quota_exceeded"]));
  });

  it("requires every word to match (a status and a word narrow each other)", () => {
    expect(codesOf("429 quota")).toEqual(["common.quota_exceeded"]);
    expect(codesOf("401 revoked").sort()).toEqual(["api_key.revoked", "auth.key_revoked"]);
  });

  it("matches a family by its name and drops families left empty", () => {
    const ingest = filterCodeGroups(groups, "errata ingest");
    expect(ingest.map((group) => group.family)).toContain("ingest");
    expect(filterCodeGroups(groups, "registration").map((group) => group.family)).toEqual(["registration"]);
  });

  it("filters by who defines the code: the API or Errata itself", () => {
    const errataOwn = codesOf("", "errata");
    expect(errataOwn).toEqual(expect.arrayContaining(["auth.key_invalid", "common.internal"]));
    expect(errataOwn.some((code) => code.startsWith("registration."))).toBe(false);
    expect(codesOf("", "api")).not.toContain("common.internal");
    expect(codesOf("", "api").length + errataOwn.length).toBe(catalogEntries.length);
  });

  it("returns no groups when nothing matches", () => {
    expect(filterCodeGroups(groups, "no such thing anywhere")).toEqual([]);
  });
});
