import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listRequestViews } from "@/db/queries/audit-log";
import { storeEvents } from "@/db/queries/events";
import { logger } from "@/lib/log";
import type { SessionUser } from "@/lib/session/current-user";
import { rejectedApiError } from "@/lib/testing/api-error";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import RequestPage from "./page";

// Sessions are better-auth's (tested with it); here only who the page is told is signed in matters.
const session = vi.hoisted(() => ({ requirePageUser: vi.fn() }));
vi.mock("@/lib/session/current-user", () => session);

const database = setupFreshDatabasePerTest();
const AGENT: SessionUser = { kind: "user", id: "u1AgentId", email: "agent@example.com", name: "Ada Agent", role: "agent" };

function render(requestId: string) {
  return RequestPage({ params: Promise.resolve({ requestId: encodeURIComponent(requestId) }) });
}

const views = () => listRequestViews({}, 50).views;

beforeAll(() => {
  logger.level = "silent";
});

beforeEach(() => {
  session.requirePageUser.mockReset().mockResolvedValue(AGENT);
  storeEvents([storedEventInput({ requestId: "req_page_1" })], Date.now());
});

describe("request page — audit log", () => {
  it("asks for a signed-in agent and records the view of a stored request", async () => {
    expect(await render("req_page_1")).toBeTruthy();
    expect(session.requirePageUser).toHaveBeenCalledWith();
    expect(views()).toEqual([
      expect.objectContaining({ actorKind: "user", actorId: "u1AgentId", actorLabel: "agent@example.com", requestId: "req_page_1", via: "page", found: true }),
    ]);
  });

  it("records the decoded id of an unknown request with found=false", async () => {
    await render("trace:nope/1");
    expect(views()).toEqual([expect.objectContaining({ requestId: "trace:nope/1", found: false })]);
  });

  it("records nothing when the visitor is sent to sign in", async () => {
    session.requirePageUser.mockRejectedValue(new Error("NEXT_REDIRECT"));
    await expect(render("req_page_1")).rejects.toThrow("NEXT_REDIRECT");
    expect(views()).toEqual([]);
  });

  it("renders nothing of the request when the view cannot be recorded", async () => {
    rawSqlite(database.db).exec("drop table audit_log");
    expect((await rejectedApiError(render("req_page_1"))).status).toBe(503);
  });
});
