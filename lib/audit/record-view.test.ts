import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeStatement } from "@/db/raw";
import { createApiKey } from "@/db/queries/api-keys";
import { listRequestViews } from "@/db/queries/audit-log";
import type { KeyActor } from "@/lib/auth/authenticate";
import { logger } from "@/lib/log";
import type { SessionUser } from "@/lib/session/current-user";
import { rejectedApiError } from "@/lib/testing/api-error";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { recordRequestView } from "./record-view";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 3, 12);
const AGENT: SessionUser = { kind: "user", id: "u1AgentId", email: "agent@example.com", name: "Ada Agent", role: "agent" };

async function keyActor(name: string): Promise<KeyActor> {
  const { key } = await createApiKey({ name, scopes: ["read"] });
  return { kind: "key", keyId: key.id, prefix: key.prefix, scopes: key.scopes, hasSigningSecret: false };
}

async function recorded() {
  return (await listRequestViews({}, 50)).views;
}

beforeAll(() => {
  logger.level = "silent";
});

describe("recordRequestView", () => {
  it("records a signed-in user by id, labelled with their e-mail", async () => {
    await recordRequestView(AGENT, "req_8a3f2c9d", "page", true, NOW);
    expect(await recorded()).toEqual([
      { id: 1, viewedAt: NOW, actorKind: "user", actorId: "u1AgentId", actorLabel: "agent@example.com", requestId: "req_8a3f2c9d", via: "page", found: true },
    ]);
  });

  it("records an API key by its prefix, labelled with its name", async () => {
    const actor = await keyActor("support-bot");
    await recordRequestView(actor, "req_nope", "api", false, NOW);
    expect(await recorded()).toEqual([expect.objectContaining({ actorKind: "key", actorId: actor.prefix, actorLabel: "support-bot", via: "api", found: false })]);
  });

  it("stamps the view with the current time by default", async () => {
    const before = Date.now();
    await recordRequestView(AGENT, "req_a", "page", true);
    expect((await recorded())[0]?.viewedAt).toBeGreaterThanOrEqual(before);
  });

  // The lock is another SQLite connection holding the file's write lock past busy_timeout; on
  // PostgreSQL a locked table waits instead (no lock timeout), and the next test covers failures.
  it.skipIf(testBackend() === "postgres")("fails closed with 503 and Retry-After when the row cannot be written", async () => {
    rawSqlite(database.db).pragma("busy_timeout = 50");
    const other = new Database(database.file);
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      const error = await rejectedApiError(recordRequestView(AGENT, "req_locked", "api", true, NOW));
      expect({ status: error.status, code: error.code, headers: error.headers }).toEqual({
        status: 503,
        code: "common.service_unavailable",
        headers: { "Retry-After": "2" },
      });
      expect(error.cause).toMatchObject({ code: "SQLITE_BUSY" });
      other.prepare("ROLLBACK").run();
    } finally {
      other.close();
    }
    expect(await recorded()).toEqual([]);
  });

  it("fails closed on any other write failure too", async () => {
    // Renamed, not dropped, and renamed back: a PostgreSQL test worker keeps its schema for the next test.
    await executeStatement(database.database, sql`alter table audit_log rename to audit_log_away`);
    try {
      expect((await rejectedApiError(recordRequestView(AGENT, "req_a", "page", true, NOW))).status).toBe(503);
    } finally {
      await executeStatement(database.database, sql`alter table audit_log_away rename to audit_log`);
    }
  });
});
