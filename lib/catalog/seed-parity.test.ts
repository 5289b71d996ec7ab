import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogEntries, catalogFamilies, findCatalogEntry } from "./index";

// The shared seed is the source of truth when present; the committed copy keeps CI self-contained.
const sharedSeed = path.resolve(process.cwd(), "../shared/seed/error-envelope-catalog.md");
const committedSeed = path.resolve(__dirname, "seed/error-envelope-catalog.md");
const seedText = readFileSync(existsSync(sharedSeed) ? sharedSeed : committedSeed, "utf8");

interface SeedRow {
  status: number;
  code: string;
  meaning: string;
}

const ROW = /^\|\s*(\d{3})\s*\|\s*([a-z0-9_]+(?:\.[a-z0-9_]+)+)\s*\|\s*(.+?)\s*\|\s*$/;

const seedRows: SeedRow[] = seedText.split(/\r?\n/).flatMap((line) => {
  const match = ROW.exec(line.trim());
  if (!match) return [];
  const [, status, code, meaning] = match;
  return status && code && meaning ? [{ status: Number(status), code, meaning }] : [];
});

describe("seed parity", () => {
  it("parses exactly 29 distinct seed codes", () => {
    expect(seedRows).toHaveLength(29);
    expect(new Set(seedRows.map((r) => r.code)).size).toBe(29);
  });

  it.each(seedRows)("$code is catalogued with the seed's status and meaning", ({ status, code, meaning }) => {
    const entry = findCatalogEntry(code);
    expect(entry, `${code} missing from the catalog`).toBeDefined();
    expect(entry?.httpStatus).toBe(status);
    expect(entry?.meaning).toBe(meaning);
    expect(entry?.origin).toBe("api");
    expect(entry?.family).toBe(code.split(".")[0]);
  });

  it.each(seedRows)("$code documents every details field its seed meaning mentions", ({ code, meaning }) => {
    const mentioned = [...meaning.matchAll(/details\.([a-z_]+)/g)].map((m) => m[1]);
    const documented = findCatalogEntry(code)?.detailsFields.map((f) => f.name) ?? [];
    for (const field of mentioned) expect(documented).toContain(field);
  });

  it("lists the seed codes first, in seed order", () => {
    expect(catalogEntries.slice(0, seedRows.length).map((e) => e.code)).toEqual(seedRows.map((r) => r.code));
  });
});

describe("catalog entries", () => {
  it("has unique codes and a family equal to the first code segment", () => {
    expect(new Set(catalogEntries.map((e) => e.code)).size).toBe(catalogEntries.length);
    for (const entry of catalogEntries) expect(entry.family).toBe(entry.code.split(".")[0]);
  });

  it.each(catalogEntries.map((e) => [e.code, e] as const))("%s has complete support texts", (_code, entry) => {
    expect(entry.title.trim()).not.toBe("");
    expect(entry.causes.length).toBeGreaterThanOrEqual(2);
    expect(entry.causes.length).toBeLessThanOrEqual(4);
    expect(entry.engineerChecks.length).toBeGreaterThanOrEqual(2);
    expect(entry.engineerChecks.length).toBeLessThanOrEqual(4);
    for (const text of [...entry.causes, ...entry.engineerChecks]) expect(text.trim()).not.toBe("");
    expect(entry.customerReply.trim()).not.toBe("");
    expect(entry.retry.advice.trim()).not.toBe("");
    // Customer replies must not leak envelope internals.
    expect(entry.customerReply).not.toMatch(/details\.|request_id|revoked_at|is_active/);
  });

  it("never repeats a text between entries", () => {
    const texts = catalogEntries.flatMap((e) => [...e.causes, ...e.engineerChecks, e.customerReply, e.retry.advice]);
    const seen = new Map<string, number>();
    for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([t]) => t)).toEqual([]);
  });

  it("marks Errata's own codes and the shared common codes as returned by Errata", () => {
    const returned = catalogEntries.filter((e) => e.returnedByErrata).map((e) => e.code);
    expect(returned).toEqual([
      "common.bad_request",
      "common.unauthorized",
      "common.not_found",
      "common.validation_failed",
      "common.quota_exceeded",
      "common.service_unavailable",
      "auth.key_invalid",
      "auth.key_revoked",
      "auth.key_expired",
      "auth.scope_denied",
      "auth.signature_invalid",
      "auth.signature_expired",
      "ingest.payload_too_large",
      "ingest.too_many_events",
      "ingest.unsupported_media_type",
      "common.internal",
    ]);
    for (const e of catalogEntries.filter((x) => x.origin === "errata")) expect(e.returnedByErrata).toBe(true);
  });

  it("groups families in display order", () => {
    expect(catalogFamilies().map((f) => f.family)).toEqual(["api_key", "registration", "common", "auth", "ingest"]);
    const total = catalogFamilies().reduce((n, f) => n + f.entries.length, 0);
    expect(total).toBe(catalogEntries.length);
  });
});
