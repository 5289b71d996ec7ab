import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storeEvents } from "@/db/queries/events";
import { insertRejections, type NewRejection } from "@/db/queries/rejected-ingests";
import { pruneExpiredEvents } from "@/db/queries/retention";
import { storedEventInput } from "@/lib/testing/ingest-fixtures";
import { useFreshDatabase } from "@/lib/testing/test-db";
import { findRequests } from "./find-requests";
import { singleMatch, toSearchView } from "./search-view";

const T0 = Date.UTC(2026, 10, 26, 10);

let cleanup: () => Promise<void>;

beforeEach(async () => {
  cleanup = (await useFreshDatabase()).cleanup;
  await storeEvents(
    [
      storedEventInput({ requestId: "req_8a3f2b9c1d4e", occurredAt: T0 }),
      storedEventInput({ requestId: "req_77c0ffee01", occurredAt: T0 + 1, code: "registration.audio_too_large", message: "Audio is 70 MiB" }),
      storedEventInput({ requestId: "req_77c0ffee02", occurredAt: T0 + 2, code: "common.quota_exceeded", message: "Monthly quota used up" }),
      storedEventInput({ requestId: "3f2b9c1d-4e5f-6071", occurredAt: T0 + 3, message: "uploads failing" }),
    ],
    T0 + 10,
  );
});

afterEach(() => cleanup());

async function summary(query: string) {
  const result = await findRequests(query);
  return {
    query: result.query,
    candidates: result.candidates.map((match) => ({
      value: match.candidate.value,
      truncated: match.candidate.truncated,
      matchedBy: match.matchedBy,
      ids: match.events.map((event) => event.requestId),
    })),
    textMatches: result.textMatches.map((event) => event.requestId),
  };
}

describe("findRequests", () => {
  it("matches a full id exactly", async () => {
    expect(await summary("  req_8a3f2b9c1d4e \n")).toEqual({
      query: "req_8a3f2b9c1d4e",
      candidates: [{ value: "req_8a3f2b9c1d4e", truncated: false, matchedBy: "exact", ids: ["req_8a3f2b9c1d4e"] }],
      textMatches: [],
    });
  });

  it("matches a truncated id by prefix", async () => {
    expect((await summary("req_8a3f…")).candidates).toEqual([{ value: "req_8a3f", truncated: true, matchedBy: "prefix", ids: ["req_8a3f2b9c1d4e"] }]);
  });

  it("tries an unknown id that is not marked truncated as a prefix too", async () => {
    expect((await summary("ticket says req_8a3f2b")).candidates).toEqual([
      { value: "req_8a3f2b", truncated: false, matchedBy: "prefix", ids: ["req_8a3f2b9c1d4e"] },
    ]);
  });

  it("lists every id an ambiguous prefix matches", async () => {
    expect((await summary("req_77c0ffee...")).candidates).toEqual([
      { value: "req_77c0ffee", truncated: true, matchedBy: "prefix", ids: ["req_77c0ffee01", "req_77c0ffee02"] },
    ]);
  });

  it("reports an id that matches nothing, without falling back to text search", async () => {
    expect(await summary("req_deadbeef01")).toEqual({
      query: "req_deadbeef01",
      candidates: [{ value: "req_deadbeef01", truncated: false, matchedBy: "none", ids: [] }],
      textMatches: [],
    });
  });

  it("resolves each id of a pasted ticket", async () => {
    const result = await summary("Failing: req_8a3f2b9c1d4e and req_77c0ffee02, also req_0000aaaa?");
    expect(result.candidates.map((c) => [c.value, c.matchedBy, c.ids])).toEqual([
      ["req_8a3f2b9c1d4e", "exact", ["req_8a3f2b9c1d4e"]],
      ["req_77c0ffee02", "exact", ["req_77c0ffee02"]],
      ["req_0000aaaa", "none", []],
    ]);
  });

  it("resolves a lone non-req token id", async () => {
    expect((await summary('"3f2b9c1d-4e5f-6071"')).candidates).toEqual([
      { value: "3f2b9c1d-4e5f-6071", truncated: false, matchedBy: "exact", ids: ["3f2b9c1d-4e5f-6071"] },
    ]);
  });

  it("falls back to free text over code and message when the text names no id", async () => {
    expect(await summary("audio_too_large")).toEqual({ query: "audio_too_large", candidates: [], textMatches: ["req_77c0ffee01"] });
    expect((await summary("quota reset")).textMatches).toEqual([]);
    expect((await summary("quota USED up")).textMatches).toEqual(["req_77c0ffee02"]);
  });

  it("searches text newest first", async () => {
    await storeEvents([storedEventInput({ requestId: "req_later", occurredAt: T0 + 100, message: "Audio is 70 MiB again" })], T0 + 200);
    expect((await summary("70 MiB")).textMatches).toEqual(["req_later", "req_77c0ffee01"]);
  });

  it("does not search text shorter than three characters", async () => {
    expect(await summary("70")).toEqual({ query: "70", candidates: [], textMatches: [] });
    expect(await summary("   ")).toEqual({ query: "", candidates: [], textMatches: [] });
  });
});

describe("singleMatch", () => {
  it("opens the event of one exact id", async () => {
    expect(singleMatch(await findRequests("req_8a3f2b9c1d4e"))?.requestId).toBe("req_8a3f2b9c1d4e");
  });

  it("opens the event of a prefix that matches exactly one", async () => {
    expect(singleMatch(await findRequests("req_8a3f…"))?.requestId).toBe("req_8a3f2b9c1d4e");
  });

  it("opens it when the same event is named several times", async () => {
    expect(singleMatch(await findRequests("req_8a3f2b9c1d4e, then again req_8a3f2b9c1d4e and req_8a3f2b"))?.requestId).toBe("req_8a3f2b9c1d4e");
  });

  it("does not choose for an ambiguous prefix", async () => {
    expect(singleMatch(await findRequests("req_77c0ffee…"))).toBeUndefined();
  });

  it("does not choose between two different ids", async () => {
    expect(singleMatch(await findRequests("req_77c0ffee01 req_77c0ffee02"))).toBeUndefined();
  });

  it("does not open anything when one of the ids was not found", async () => {
    expect(singleMatch(await findRequests("req_8a3f2b9c1d4e and req_deadbeef01"))).toBeUndefined();
    expect(singleMatch(await findRequests("req_deadbeef01"))).toBeUndefined();
  });

  it("does not open a free-text match, even a single one", async () => {
    const result = await findRequests("audio_too_large");
    expect(result.textMatches).toHaveLength(1);
    expect(singleMatch(result)).toBeUndefined();
  });
});

describe("findRequests — ids that were refused, not stored", () => {
  const refused = (overrides: Partial<NewRejection>): NewRejection => ({
    receivedAt: Date.now() - 60_000,
    keyPrefix: "erk_AbCdEfGh",
    httpStatus: 422,
    code: "common.validation_failed",
    summary: "events[3].code: must not be empty",
    errataRequestId: "req_errata_000000000000001",
    eventCount: 4,
    requestIds: ["req_refused_1", "req_refused_2", "req_8a3f2b9c1d4e"],
    repeats: 1,
    ...overrides,
  });

  it("tells why an id that matches no stored event is missing", async () => {
    await insertRejections([refused({})]);
    const [match] = (await findRequests("my upload failed, request id req_refused_1")).candidates;
    expect(match?.matchedBy).toBe("none");
    expect(match?.rejections.map(({ requestId, rejection }) => [requestId, rejection.code, rejection.summary])).toEqual([
      ["req_refused_1", "common.validation_failed", "events[3].code: must not be empty"],
    ]);
    expect(toSearchView(await findRequests("req_refused_1")).candidates[0]?.rejections).toEqual([
      {
        requestId: "req_refused_1",
        receivedAt: expect.any(Number),
        keyPrefix: "erk_AbCdEfGh",
        httpStatus: 422,
        code: "common.validation_failed",
        summary: "events[3].code: must not be empty",
      },
    ]);
  });

  it("lists every refusal of an id a sender retried, newest first, and finds a truncated id by prefix", async () => {
    const now = Date.now();
    await insertRejections([refused({ receivedAt: now - 120_000 }), refused({ receivedAt: now - 60_000, code: "ingest.unsupported_media_type", httpStatus: 415 })]);
    expect((await findRequests("req_refused_2")).candidates[0]?.rejections.map((match) => match.rejection.code)).toEqual([
      "ingest.unsupported_media_type",
      "common.validation_failed",
    ]);
    expect((await findRequests("req_refu…")).candidates[0]?.rejections.map((match) => match.requestId)).toEqual(expect.arrayContaining(["req_refused_1", "req_refused_2"]));
  });

  it("shows no refusal for an id that is stored, nor one older than the trail keeps", async () => {
    await insertRejections([refused({}), refused({ receivedAt: Date.now() - 8 * 86_400_000, requestIds: ["req_refused_long_ago"] })]);
    expect((await findRequests("req_8a3f2b9c1d4e")).candidates[0]).toMatchObject({ matchedBy: "exact", rejections: [] });
    expect((await findRequests("req_refused_long_ago")).candidates[0]).toMatchObject({ matchedBy: "none", rejections: [] });
    expect(singleMatch(await findRequests("req_refused_1"))).toBeUndefined();
  });
});

describe("findRequests — ids the retention deleted", () => {
  beforeEach(async () => {
    await storeEvents(
      [
        storedEventInput({ requestId: "req_0ld000000001", orgId: "org_acme", code: "common.quota_exceeded", httpStatus: 429, occurredAt: T0 - 100 * 86_400_000 }),
        storedEventInput({ requestId: "req_0ld000000002", occurredAt: T0 - 99 * 86_400_000 }),
      ],
      T0,
    );
    await pruneExpiredEvents({ before: T0 - 90 * 86_400_000, limit: 10, prunedAt: T0 });
  });

  it("names the tombstone of a pruned id instead of look-alikes or refusals, and says how long events are kept", async () => {
    const result = await findRequests("request id req_0ld000000001");
    expect(result.candidates[0]).toMatchObject({
      matchedBy: "none",
      pruned: [{ requestId: "req_0ld000000001", orgId: "org_acme", code: "common.quota_exceeded", httpStatus: 429, prunedAt: T0 }],
      closeIds: [],
    });
    expect(result.retentionDays).toBe(90);
    expect(toSearchView(result).candidates[0]?.pruned).toHaveLength(1);
    expect(singleMatch(result)).toBeUndefined();
  });

  it("finds pruned ids by prefix", async () => {
    const [match] = (await findRequests("req_0ld0000…")).candidates;
    expect(match?.pruned.map((note) => note.requestId)).toEqual(["req_0ld000000001", "req_0ld000000002"]);
  });
});

describe("findRequests — within filters", () => {
  const HOUR = 3_600_000;

  beforeEach(async () => {
    await storeEvents(
      [
        storedEventInput({ requestId: "req_f1lter000001", orgId: "org_acme", code: "common.quota_exceeded", httpStatus: 429, service: "billing", occurredAt: T0 + HOUR }),
        storedEventInput({ requestId: "req_f1lter000002", orgId: "org_beta", code: "common.quota_exceeded", httpStatus: 429, service: "uploads", occurredAt: T0 + 2 * HOUR }),
        storedEventInput({ requestId: "req_f1lter000003", orgId: "org_acme", code: "common.internal", httpStatus: 500, service: "uploads", occurredAt: T0 + 3 * HOUR }),
      ],
      T0 + 4 * HOUR,
    );
  });

  const ids = (events: readonly { requestId: string }[]) => events.map((event) => event.requestId);

  it("applies every filter to an id prefix", async () => {
    expect(ids((await findRequests("req_f1lter…", { orgId: "org_acme" })).candidates[0]!.events)).toEqual(["req_f1lter000001", "req_f1lter000003"]);
    expect(ids((await findRequests("req_f1lter…", { service: "uploads", httpStatus: 500 })).candidates[0]!.events)).toEqual(["req_f1lter000003"]);
    expect(ids((await findRequests("req_f1lter…", { from: T0 + 2 * HOUR, to: T0 + 3 * HOUR })).candidates[0]!.events)).toEqual(["req_f1lter000002"]);
  });

  it("says when the filters hide an id that is stored, instead of calling it unknown", async () => {
    const [match] = (await findRequests("req_f1lter000002", { orgId: "org_acme" })).candidates;
    expect(match).toMatchObject({ matchedBy: "none", events: [], rejections: [], closeIds: [] });
    expect(ids(match!.hiddenByFilters)).toEqual(["req_f1lter000002"]);
    expect(singleMatch(await findRequests("req_f1lter000002", { orgId: "org_acme" }))).toBeUndefined();
  });

  it("applies the filters to free text, and keeps the text in the filter it reports for export", async () => {
    const result = await findRequests("quota", { service: "uploads" });
    expect(ids(result.textMatches)).toEqual(["req_f1lter000002"]);
    expect(result.filter).toEqual({ service: "uploads", text: "quota" });
  });

  it("lists the events the filters select when there is no text", async () => {
    const result = await findRequests("", { code: "common.quota_exceeded" });
    expect(ids(result.filterMatches)).toEqual(["req_f1lter000002", "req_f1lter000001", "req_77c0ffee02"]);
    expect(result.candidates).toEqual([]);
    expect((await findRequests("", {})).filterMatches).toEqual([]);
  });
});

describe("findRequests — help when nothing matches", () => {
  it("suggests a stored id one character off, and one written with another prefix", async () => {
    expect((await findRequests("req_8a3f2b9c1d5e")).candidates[0]?.closeIds).toEqual([{ requestId: "req_8a3f2b9c1d4e", reason: "one_character" }]);
    expect((await findRequests("customer wrote request_8a3f2b9c1d4e")).candidates[0]).toMatchObject({
      candidate: { value: "request_8a3f2b9c1d4e", truncated: false },
      matchedBy: "none",
      closeIds: [{ requestId: "req_8a3f2b9c1d4e", reason: "different_prefix" }],
    });
  });

  it("names the time of the oldest stored event when an id matches nothing, and only then", async () => {
    expect((await findRequests("req_deadbeef01")).oldestEventAt).toBe(T0);
    expect((await findRequests("req_8a3f2b9c1d4e")).oldestEventAt).toBeUndefined();
    expect((await findRequests("audio_too_large")).oldestEventAt).toBeUndefined();
  });
});

describe("findRequests — an empty store", () => {
  it("says nothing is stored yet", async () => {
    await cleanup();
    cleanup = (await useFreshDatabase()).cleanup;
    expect((await findRequests("req_deadbeef01")).oldestEventAt).toBeNull();
  });
});
