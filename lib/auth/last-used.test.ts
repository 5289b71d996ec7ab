import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey, flushApiKeyUses, listApiKeys, pendingApiKeyUseCount } from "@/db/queries/api-keys";
import { logger } from "@/lib/log";
import { setupFreshDatabasePerTest, useFreshDatabase } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";
import { flushKeyUses, LAST_USED_FLUSH_MS } from "./last-used";

const database = setupFreshDatabasePerTest();

const lastUsed = () => new Map(listApiKeys().map((key) => [key.name, key.lastUsedAt]));

beforeEach(() => {
  logger.level = "silent";
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  flushKeyUses();
  vi.useRealTimers();
});

describe("last_used_at batching", () => {
  it("adds no write to an authentication, then writes every touched key in one transaction after the interval", () => {
    const a = createApiKey({ name: "a", scopes: ["ingest"] }).secret;
    const b = createApiKey({ name: "b", scopes: ["ingest"] }).secret;
    const transaction = vi.spyOn(database.db, "transaction");
    const update = vi.spyOn(database.db, "update");

    for (let i = 0; i < 100; i += 1) authenticateKey(`Bearer ${i % 2 ? a : b}`, "ingest", 1_000 + i);
    expect(transaction).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    expect(pendingApiKeyUseCount()).toBe(2);
    expect(lastUsed()).toEqual(new Map([["b", null], ["a", null]]));

    vi.advanceTimersByTime(LAST_USED_FLUSH_MS - 1);
    expect(transaction).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(lastUsed()).toEqual(new Map([["b", 1_098], ["a", 1_099]]));
    expect(pendingApiKeyUseCount()).toBe(0);
  });

  it("never moves last_used_at backwards", () => {
    const secret = createApiKey({ name: "k", scopes: ["ingest"] }).secret;
    authenticateKey(`Bearer ${secret}`, "ingest", 5_000);
    flushKeyUses();
    authenticateKey(`Bearer ${secret}`, "ingest", 4_000);
    flushKeyUses();
    expect(lastUsed().get("k")).toBe(5_000);
  });

  it("keeps the uses of a failed write and writes them with later ones on the next flush", () => {
    const secret = createApiKey({ name: "k", scopes: ["ingest"] }).secret;
    authenticateKey(`Bearer ${secret}`, "ingest", 1_000);
    vi.spyOn(database.db, "transaction").mockImplementationOnce(() => {
      throw new Error("SQLITE_BUSY: database is locked");
    });
    flushKeyUses();
    expect(pendingApiKeyUseCount()).toBe(1);
    authenticateKey(`Bearer ${secret}`, "ingest", 2_000);
    vi.advanceTimersByTime(LAST_USED_FLUSH_MS);
    expect(lastUsed().get("k")).toBe(2_000);
  });

  it("writes uses to the database their keys came from, and drops them once it is closed", () => {
    const secret = createApiKey({ name: "k", scopes: ["ingest"] }).secret;
    authenticateKey(`Bearer ${secret}`, "ingest", 1_000);

    const other = useFreshDatabase();
    try {
      expect(flushApiKeyUses()).toBe(0);
      expect(pendingApiKeyUseCount()).toBe(0);
      expect(listApiKeys()).toEqual([]);
    } finally {
      other.cleanup();
    }
  });
});
