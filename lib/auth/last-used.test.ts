import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKey, flushApiKeyUses, listApiKeys, pendingApiKeyUseCount } from "@/db/queries/api-keys";
import { logger } from "@/lib/log";
import { processDrains } from "@/lib/shutdown/drain-registry";
import { setupFreshDatabasePerTest, useFreshDatabase } from "@/lib/testing/test-db";
import { authenticateKey } from "./authenticate";
import { flushKeyUses, LAST_USED_FLUSH_MS } from "./last-used";

const database = setupFreshDatabasePerTest();

const lastUsed = async () => new Map((await listApiKeys()).map((key) => [key.name, key.lastUsedAt]));

beforeEach(() => {
  logger.level = "silent";
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(async () => {
  await flushKeyUses();
  vi.useRealTimers();
});

describe("last_used_at batching", () => {
  it("adds no write to an authentication, then writes every touched key in one transaction after the interval", async () => {
    const a = (await createApiKey({ name: "a", scopes: ["ingest"] })).secret;
    const b = (await createApiKey({ name: "b", scopes: ["ingest"] })).secret;
    const transaction = vi.spyOn(database.db, "transaction");
    const update = vi.spyOn(database.db, "update");

    for (let i = 0; i < 100; i += 1) await authenticateKey(`Bearer ${i % 2 ? a : b}`, "ingest", 1_000 + i);
    expect(transaction).not.toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
    expect(pendingApiKeyUseCount()).toBe(2);
    expect(await lastUsed()).toEqual(new Map([["b", null], ["a", null]]));

    vi.advanceTimersByTime(LAST_USED_FLUSH_MS - 1);
    expect(transaction).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    // The timer started the write; it completes asynchronously (on PostgreSQL over the network).
    await vi.waitFor(async () => expect(await lastUsed()).toEqual(new Map([["b", 1_098], ["a", 1_099]])));
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(pendingApiKeyUseCount()).toBe(0);
  });

  it("never moves last_used_at backwards", async () => {
    const secret = (await createApiKey({ name: "k", scopes: ["ingest"] })).secret;
    await authenticateKey(`Bearer ${secret}`, "ingest", 5_000);
    await flushKeyUses();
    await authenticateKey(`Bearer ${secret}`, "ingest", 4_000);
    await flushKeyUses();
    expect((await lastUsed()).get("k")).toBe(5_000);
  });

  it("keeps the uses of a failed write and writes them with later ones on the next flush", async () => {
    const secret = (await createApiKey({ name: "k", scopes: ["ingest"] })).secret;
    await authenticateKey(`Bearer ${secret}`, "ingest", 1_000);
    vi.spyOn(database.db, "transaction").mockImplementationOnce(() => {
      throw new Error("SQLITE_BUSY: database is locked");
    });
    await flushKeyUses();
    expect(pendingApiKeyUseCount()).toBe(1);
    await authenticateKey(`Bearer ${secret}`, "ingest", 2_000);
    vi.advanceTimersByTime(LAST_USED_FLUSH_MS);
    await vi.waitFor(async () => expect((await lastUsed()).get("k")).toBe(2_000));
  });

  it("writes uses to the database their keys came from, and drops them once it is closed", async () => {
    const secret = (await createApiKey({ name: "k", scopes: ["ingest"] })).secret;
    await authenticateKey(`Bearer ${secret}`, "ingest", 1_000);

    const other = await useFreshDatabase();
    try {
      expect(await flushApiKeyUses()).toBe(0);
      expect(pendingApiKeyUseCount()).toBe(0);
      expect(await listApiKeys()).toEqual([]);
    } finally {
      await other.cleanup();
    }
  });
});

describe("last_used_at at shutdown", () => {
  // Last in the file: draining the process's registry marks this test process as shutting down.
  it("writes the buffered uses when the server stops, without waiting for the interval", async () => {
    const secret = (await createApiKey({ name: "k", scopes: ["ingest"] })).secret;
    await authenticateKey(`Bearer ${secret}`, "ingest", 1_000);
    expect(pendingApiKeyUseCount()).toBe(1);
    expect(await processDrains.drain(5_000)).toMatchObject({ finished: true, failed: [] });
    expect(pendingApiKeyUseCount()).toBe(0);
    expect((await lastUsed()).get("k")).toBe(1_000);
  });
});
