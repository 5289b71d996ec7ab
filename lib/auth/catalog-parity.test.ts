import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKeyById } from "@/db/queries/api-keys";
import { catalogFlagFor, explainEvent } from "@/lib/catalog";
import type { ApiError } from "@/lib/http/api-error";
import { rejectedApiError, thrownApiError } from "@/lib/testing/api-error";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";
import { checkSignature, computeSignature, signatureHeaderFor } from "./signature-header";

setupFreshDatabasePerTest();

const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
const SECRET = "whsec_catalog_parity";

// Errata's own refusals are collected like any other envelope: their details must match the catalog.
describe("auth and signature refusals match Errata's catalog", () => {
  const revoked = async () => {
    const { secret, key } = await createApiKey({ name: "r", scopes: ["ingest"], now: NOW - 1000 });
    await revokeApiKeyById(key.id, NOW - 500);
    return rejectedApiError(authenticateKey(`Bearer ${secret}`, "ingest", NOW));
  };
  const expired = async () => {
    const { secret } = await createApiKey({ name: "e", scopes: ["ingest"], expiresAt: NOW - 3_600_000, now: NOW - 7_200_000 });
    return rejectedApiError(authenticateKey(`Bearer ${secret}`, "ingest", NOW));
  };
  const t = String(Math.floor(NOW / 1000) - 400);
  const cases: [string, () => ApiError | Promise<ApiError>][] = [
    ["revoked key", revoked],
    ["expired key", expired],
    ["missing signature", () => thrownApiError(() => checkSignature(SECRET, "{}", null, NOW))],
    ["malformed signature", () => thrownApiError(() => checkSignature(SECRET, "{}", "v1=zz", NOW))],
    ["wrong signature", () => thrownApiError(() => checkSignature(SECRET, "{}", signatureHeaderFor("whsec_x", "{}", NOW), NOW))],
    ["old signature", () => thrownApiError(() => checkSignature(SECRET, "{}", `t=${t},v1=${computeSignature(SECRET, t, "{}")}`, NOW))],
  ];

  it.each(cases)("%s", async (_label, refuse) => {
    const error = await refuse();
    expect(catalogFlagFor(error.code, error.details)).toBeNull();
  });

  it("explains an expired key and a millisecond signature timestamp in words", async () => {
    const error = await expired();
    const key = explainEvent({ code: error.code, httpStatus: 401, details: error.details, occurredAt: NOW });
    expect(key.summary).toMatch(/^The key erk_\S+… expired at 2026-11-26 13:00 UTC, 1 hour before this error\.$/);
    const millis = explainEvent({ code: "auth.signature_expired", httpStatus: 401, details: { tolerance_seconds: 300, timestamp: NOW } });
    expect(millis.summary).toContain("milliseconds instead of seconds");
  });
});
