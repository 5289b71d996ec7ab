import { describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import {
  insertRequestView,
  listAuditActors,
  listRequestViews,
  MAX_AUDIT_PAGE_SIZE,
  type AuditViewer,
  type NewRequestView,
} from "./audit-log";

const database = setupFreshDatabasePerTest();
const T0 = Date.UTC(2026, 10, 26, 14, 2);
const ALICE: AuditViewer = { kind: "user", id: "u1AliceId", label: "alice@example.com" };
const BOB: AuditViewer = { kind: "user", id: "u2BobId", label: "bob@example.com" };

function view(overrides: Partial<NewRequestView> = {}): NewRequestView {
  return { viewedAt: T0, viewer: ALICE, requestId: "req_8a3f2c9d", via: "page", found: true, ...overrides };
}

async function requestIds(filter: Parameters<typeof listRequestViews>[0] = {}): Promise<string[]> {
  return (await listRequestViews(filter, 50)).views.map((row) => row.requestId);
}

describe("audit log — writing", () => {
  it("stores a user's view with their id and e-mail", async () => {
    await insertRequestView(view({ via: "api", found: false }));
    expect((await listRequestViews({}, 10)).views).toEqual([
      { id: 1, viewedAt: T0, actorKind: "user", actorId: "u1AliceId", actorLabel: "alice@example.com", requestId: "req_8a3f2c9d", via: "api", found: false },
    ]);
  });

  it("labels a key's view with the key's name, read in the same statement, and its prefix as the actor id", async () => {
    const { key } = await createApiKey({ name: "support-bot", scopes: ["read"] });
    const write = () => insertRequestView(view({ viewer: { kind: "key", keyId: key.id, prefix: key.prefix } }));
    // One statement: counted through SQLite's statement capture; on PostgreSQL only the outcome is checked.
    if (testBackend() === "sqlite") expect(await queryPlans(database.db, write)).toHaveLength(1);
    else await write();
    expect((await listRequestViews({}, 10)).views[0]).toMatchObject({ actorKind: "key", actorId: key.prefix, actorLabel: "support-bot" });
  });

  it("falls back to the prefix when the key row is gone", async () => {
    await insertRequestView(view({ viewer: { kind: "key", keyId: 999, prefix: "erk_gone0000" } }));
    expect((await listRequestViews({}, 10)).views[0]).toMatchObject({ actorId: "erk_gone0000", actorLabel: "erk_gone0000" });
  });
});

describe("audit log — listing", () => {
  it("lists newest first, breaking ties by insertion order", async () => {
    await insertRequestView(view({ requestId: "req_a", viewedAt: T0 }));
    await insertRequestView(view({ requestId: "req_c", viewedAt: T0 + 2 }));
    await insertRequestView(view({ requestId: "req_b", viewedAt: T0 }));
    expect(await requestIds()).toEqual(["req_c", "req_b", "req_a"]);
  });

  it("filters by exact actor and by request id prefix, alone or together", async () => {
    await insertRequestView(view({ requestId: "req_8a3f2c9d", viewer: ALICE }));
    await insertRequestView(view({ requestId: "req_8a3f7777", viewer: BOB, viewedAt: T0 + 1 }));
    await insertRequestView(view({ requestId: "req_9000", viewer: BOB, viewedAt: T0 + 2 }));
    await insertRequestView(view({ requestId: "req_8a3", viewer: { kind: "user", id: "u1AliceIdX", label: "not alice" }, viewedAt: T0 + 3 }));
    expect(await requestIds({ actorId: "u1AliceId" })).toEqual(["req_8a3f2c9d"]);
    expect(await requestIds({ requestIdPrefix: "req_8a3f" })).toEqual(["req_8a3f7777", "req_8a3f2c9d"]);
    expect(await requestIds({ requestIdPrefix: "req_8a3f2c9d" })).toEqual(["req_8a3f2c9d"]);
    expect(await requestIds({ actorId: "u2BobId", requestIdPrefix: "req_8" })).toEqual(["req_8a3f7777"]);
    expect(await requestIds({ actorId: "nobody" })).toEqual([]);
  });

  it("treats LIKE wildcards in the prefix as plain characters", async () => {
    await insertRequestView(view({ requestId: "req_a" }));
    expect(await requestIds({ requestIdPrefix: "req%" })).toEqual([]);
    expect(await requestIds({ requestIdPrefix: "req_" })).toEqual(["req_a"]);
  });

  it("pages through equal timestamps without skipping or repeating a row", async () => {
    for (let n = 0; n < 7; n++) await insertRequestView(view({ requestId: `req_${n}`, viewedAt: T0 + Math.floor(n / 3) }));
    const seen: string[] = [];
    let page = await listRequestViews({}, 3);
    seen.push(...page.views.map((row) => row.requestId));
    while (page.nextCursor) {
      page = await listRequestViews({}, 3, page.nextCursor);
      seen.push(...page.views.map((row) => row.requestId));
    }
    expect(seen).toEqual(["req_6", "req_5", "req_4", "req_3", "req_2", "req_1", "req_0"]);
  });

  it("has no next page when the last page is exactly full", async () => {
    for (let n = 0; n < 4; n++) await insertRequestView(view({ viewedAt: T0 + n }));
    const first = await listRequestViews({}, 2);
    expect(first.nextCursor).not.toBeNull();
    expect((await listRequestViews({}, 2, first.nextCursor ?? undefined)).nextCursor).toBeNull();
  });

  it("bounds the page size whatever the caller asks", async () => {
    for (let n = 0; n < MAX_AUDIT_PAGE_SIZE + 5; n++) await insertRequestView(view({ viewedAt: T0 + n }));
    expect((await listRequestViews({}, 10_000)).views).toHaveLength(MAX_AUDIT_PAGE_SIZE);
    expect((await listRequestViews({}, 0)).views).toHaveLength(1);
  });
});

describe("audit log — actors for the filter", () => {
  it("lists each actor once with the label of their latest view, by label", async () => {
    await insertRequestView(view({ viewer: BOB, viewedAt: T0 }));
    await insertRequestView(view({ viewer: { ...ALICE, label: "alice@old.example" }, viewedAt: T0 }));
    await insertRequestView(view({ viewer: ALICE, viewedAt: T0 + 1 }));
    await insertRequestView(view({ viewer: { kind: "key", keyId: 1, prefix: "erk_Zz000000" }, viewedAt: T0 + 2 }));
    expect(await listAuditActors()).toEqual([
      { kind: "user", id: "u1AliceId", label: "alice@example.com" },
      { kind: "user", id: "u2BobId", label: "bob@example.com" },
      { kind: "key", id: "erk_Zz000000", label: "erk_Zz000000" },
    ]);
  });

  it("keeps the most recently seen actors past the limit", async () => {
    await insertRequestView(view({ viewer: ALICE, viewedAt: T0 }));
    await insertRequestView(view({ viewer: BOB, viewedAt: T0 + 1 }));
    expect((await listAuditActors(1)).map((actor) => actor.id)).toEqual(["u2BobId"]);
  });

  it("is empty for an empty log", async () => {
    expect(await listAuditActors()).toEqual([]);
  });
});

// SQLite's plans; PostgreSQL chooses its own by statistics.
describe.skipIf(testBackend() === "postgres")("audit log — query plans", () => {
  const CURSOR = { viewedAt: T0, id: 10 };

  async function planOf(work: () => unknown): Promise<string> {
    const plans = await queryPlans(database.db, work);
    expect(plans).toHaveLength(1);
    return plans[0]?.plan ?? "";
  }

  it("reads every page of every filter through an index, in index order", async () => {
    const cases: [Parameters<typeof listRequestViews>[0], RegExp][] = [
      [{}, /USING INDEX audit_log_viewed_idx/],
      [{ actorId: "u1AliceId" }, /USING INDEX audit_log_actor_viewed_idx \(actor_id=\?/],
      [{ requestIdPrefix: "req_8a3f" }, /USING INDEX audit_log_request_viewed_idx \(request_id>\? AND request_id<\?\)/],
    ];
    for (const [filter, index] of cases) {
      for (const cursor of [undefined, CURSOR]) {
        const plan = await planOf(() => listRequestViews(filter, 50, cursor));
        expect(plan).toMatch(index);
        expect(plan).not.toMatch(/SCAN audit_log$/m);
      }
    }
  });

  it("needs no sort for the unfiltered and per-actor lists, and seeks the cursor in the index", async () => {
    for (const filter of [{}, { actorId: "u1AliceId" }]) {
      const plan = await planOf(() => listRequestViews(filter, 50, CURSOR));
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toMatch(/viewed_at<\?\)$/m);
    }
  });

  it("finds the actors by seeking the actor index, never scanning the table", async () => {
    const plan = await planOf(() => listAuditActors());
    expect(plan).toMatch(/audit_log_actor_viewed_idx/);
    expect(plan).not.toMatch(/SCAN (audit_log|latest)\b/);
  });
});
