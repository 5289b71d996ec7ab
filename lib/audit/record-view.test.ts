import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { listRequestViews } from "@/db/queries/audit-log";
import type { KeyActor } from "@/lib/auth/authenticate";
import { logger } from "@/lib/log";
import type { SessionUser } from "@/lib/session/current-user";
import { thrownApiError } from "@/lib/testing/api-error";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { recordRequestView } from "./record-view";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 3, 12);
const AGENT: SessionUser = { kind: "user", id: "u1AgentId", email: "agent@example.com", name: "Ada Agent", role: "agent" };

function keyActor(name: string): KeyActor {
  const { key } = createApiKey({ name, scopes: ["read"] });
  return { kind: "key", keyId: key.id, prefix: key.prefix, scopes: key.scopes, hasSigningSecret: false };
}

function recorded() {
  return listRequestViews({}, 50).views;
}

beforeAll(() => {
  logger.level = "silent";
});

describe("recordRequestView", () => {
  it("records a signed-in user by id, labelled with their e-mail", () => {
    recordRequestView(AGENT, "req_8a3f2c9d", "page", true, NOW);
    expect(recorded()).toEqual([
      { id: 1, viewedAt: NOW, actorKind: "user", actorId: "u1AgentId", actorLabel: "agent@example.com", requestId: "req_8a3f2c9d", via: "page", found: true },
    ]);
  });

  it("records an API key by its prefix, labelled with its name", () => {
    const actor = keyActor("support-bot");
    recordRequestView(actor, "req_nope", "api", false, NOW);
    expect(recorded()).toEqual([expect.objectContaining({ actorKind: "key", actorId: actor.prefix, actorLabel: "support-bot", via: "api", found: false })]);
  });

  it("stamps the view with the current time by default", () => {
    const before = Date.now();
    recordRequestView(AGENT, "req_a", "page", true);
    expect(recorded()[0]?.viewedAt).toBeGreaterThanOrEqual(before);
  });

  it("fails closed with 503 and Retry-After when the row cannot be written", () => {
    rawSqlite(database.db).pragma("busy_timeout = 50");
    const other = new Database(database.file);
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      const error = thrownApiError(() => recordRequestView(AGENT, "req_locked", "api", true, NOW));
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
    expect(recorded()).toEqual([]);
  });

  it("fails closed on any other write failure too", () => {
    rawSqlite(database.db).exec("drop table audit_log");
    expect(thrownApiError(() => recordRequestView(AGENT, "req_a", "page", true, NOW)).status).toBe(503);
  });
});
