import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listRequestViews } from "@/db/queries/audit-log";
import { storeEvents } from "@/db/queries/events";
import { logger } from "@/lib/log";
import { rejectedApiError } from "@/lib/testing/api-error";
import { withoutTables } from "@/lib/testing/handler-fixtures";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { clearRequestHeaders, setRequestHeaders } from "@/lib/testing/request-headers";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import RequestPage from "./page";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

const database = setupFreshDatabasePerTest();

function render(requestId: string) {
  return RequestPage({ params: Promise.resolve({ requestId: encodeURIComponent(requestId) }) });
}

const views = async () => (await listRequestViews({}, 50)).views;

beforeAll(() => {
  logger.level = "silent";
});

beforeEach(async () => {
  await storeEvents([storedEventInput({ requestId: "req_page_1" })], Date.now());
  setRequestHeaders(await signedInHeaders("agent", "agent@example.com"));
});

describe("request page — audit log", () => {
  it("records a signed-in agent's view of a stored request, by id and e-mail", async () => {
    expect(await render("req_page_1")).toBeTruthy();
    expect(await views()).toEqual([
      expect.objectContaining({ actorKind: "user", actorLabel: "agent@example.com", requestId: "req_page_1", via: "page", found: true }),
    ]);
    // Actor filters match by id alone: a user id must never look like a key prefix.
    expect((await views())[0]?.actorId).not.toMatch(/^erk_/);
  });

  it("records the decoded id of an unknown request with found=false", async () => {
    await render("trace:nope/1");
    expect(await views()).toEqual([expect.objectContaining({ requestId: "trace:nope/1", found: false })]);
  });

  it("records nothing when the visitor is sent to sign in", async () => {
    clearRequestHeaders();
    await expect(render("req_page_1")).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
    expect(await views()).toEqual([]);
  });

  it("renders nothing of the request when the view cannot be recorded", async () => {
    const error = await withoutTables(database.database, ["audit_log"], () => rejectedApiError(render("req_page_1")));
    expect(error.status).toBe(503);
  });
});
