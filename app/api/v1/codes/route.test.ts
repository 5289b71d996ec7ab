import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_URL, bearer, expectEnvelope, routeContext, setupHandlerTests } from "@/lib/testing/handler-fixtures";
import { GET } from "./route";

/** `| 413 | registration.audio_too_large | … |` rows of the catalog Errata was seeded with. */
function seedCodes(): { code: string; status: number }[] {
  const seed = fs.readFileSync(path.join(process.cwd(), "lib/catalog/seed/error-envelope-catalog.md"), "utf8");
  return [...seed.matchAll(/^\|\s*(\d{3})\s*\|\s*([a-z0-9_.]+)\s*\|/gm)].map((row) => ({ status: Number(row[1]), code: row[2]! }));
}

/** Every code Errata's own API answers with (see lib/http, lib/auth, lib/ingest). */
const ERRATA_CODES = [
  "common.bad_request",
  "common.unauthorized",
  "common.not_found",
  "common.validation_failed",
  "common.service_unavailable",
  "common.internal",
  "ingest.payload_too_large",
  "ingest.unsupported_media_type",
  "ingest.too_many_events",
  "auth.key_invalid",
  "auth.key_revoked",
  "auth.scope_denied",
];

interface CodeJson {
  code: string;
  http_status: number;
  origin: string;
  returned_by_errata: boolean;
  title: string;
  meaning: string;
}

const handler = setupHandlerTests();

function listCodes(key: string | null = handler.keys.read) {
  return GET(new Request(`${BASE_URL}/api/v1/codes`, { headers: key ? bearer(key) : {} }), routeContext());
}

describe("GET /api/v1/codes", () => {
  it("lists all 29 seed codes with their documented status", async () => {
    const seed = seedCodes();
    expect(seed).toHaveLength(29);
    const response = await listCodes();
    expect(response.status).toBe(200);
    const { codes } = (await response.json()) as { codes: CodeJson[] };
    const byCode = new Map(codes.map((entry) => [entry.code, entry]));
    for (const { code, status } of seed) {
      expect(byCode.get(code), code).toMatchObject({ code, http_status: status });
    }
  });

  it("lists Errata's own codes too, marked as returned by Errata", async () => {
    const { codes } = (await (await listCodes()).json()) as { codes: CodeJson[] };
    const byCode = new Map(codes.map((entry) => [entry.code, entry]));
    for (const code of ERRATA_CODES) {
      expect(byCode.get(code)?.returned_by_errata, code).toBe(true);
    }
    expect(byCode.get("ingest.payload_too_large")).toMatchObject({ origin: "errata", http_status: 413 });
    expect(byCode.get("api_key.revoked")).toMatchObject({ origin: "api", returned_by_errata: false });
  });

  it("lists each code once, with a title and meaning, and nothing server-only", async () => {
    const { codes } = (await (await listCodes()).json()) as { codes: (CodeJson & Record<string, unknown>)[] };
    expect(new Set(codes.map((entry) => entry.code)).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(29 + ERRATA_CODES.filter((code) => !code.startsWith("common.")).length);
    for (const entry of codes) {
      expect(entry.title, entry.code).not.toBe("");
      expect(entry.meaning, entry.code).not.toBe("");
      expect(entry).not.toHaveProperty("detailsSchema");
      expect(entry).not.toHaveProperty("explain");
    }
  });

  it("needs the read scope", async () => {
    await expectEnvelope(await listCodes(null), 401, "common.unauthorized");
    await expectEnvelope(await listCodes(handler.keys.ingest), 403, "auth.scope_denied");
  });
});
