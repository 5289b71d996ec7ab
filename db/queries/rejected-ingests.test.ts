import { describe, expect, it } from "vitest";
import { rawSqlite } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import {
  findRejectionsOfRequestId,
  insertRejections,
  listRejectionCodes,
  listRejections,
  pruneRejections,
  type NewRejection,
} from "./rejected-ingests";

const database = setupFreshDatabasePerTest();
const T0 = Date.UTC(2026, 10, 26, 14, 2);

function rejection(overrides: Partial<NewRejection> = {}): NewRejection {
  return {
    receivedAt: T0,
    keyPrefix: "erk_AbCdEfGh",
    httpStatus: 422,
    code: "common.validation_failed",
    summary: "events[3].code: must not be empty",
    errataRequestId: "req_000000000000000000000001",
    eventCount: 4,
    requestIds: ["req_a", "req_b", "req_c", "req_d"],
    repeats: 1,
    ...overrides,
  };
}

async function count(table: "rejected_ingests" | "rejected_request_ids"): Promise<number> {
  const { db, t } = database;
  return db.$count(table === "rejected_ingests" ? t.rejectedIngests : t.rejectedRequestIds);
}

describe("rejected ingests — lookups by request id", () => {
  it("finds the refusals that carried an id, newest first, within the window", async () => {
    await insertRejections([
      rejection({ receivedAt: T0 - 8 * 86_400_000, errataRequestId: "req_old" }),
      rejection({ receivedAt: T0, errataRequestId: "req_first" }),
      rejection({ receivedAt: T0 + 60_000, errataRequestId: "req_second", code: "ingest.unsupported_media_type", httpStatus: 415 }),
    ]);
    const found = await findRejectionsOfRequestId("req_b", { since: T0 - 86_400_000, limit: 5 });
    expect(found.map((match) => [match.requestId, match.rejection.errataRequestId, match.rejection.code])).toEqual([
      ["req_b", "req_second", "ingest.unsupported_media_type"],
      ["req_b", "req_first", "common.validation_failed"],
    ]);
    expect(found[1]?.rejection).toMatchObject({ keyPrefix: "erk_AbCdEfGh", httpStatus: 422, summary: "events[3].code: must not be empty", eventCount: 4, requestIdCount: 4 });
    expect(await findRejectionsOfRequestId("req_zzz", { since: 0, limit: 5 })).toEqual([]);
  });

  it("finds ids by prefix", async () => {
    await insertRejections([rejection({ requestIds: ["req_8a3f2b9c", "req_8a3f77", "req_9000"] })]);
    expect((await findRejectionsOfRequestId("req_8a3f", { since: 0, limit: 5, prefix: true })).map((match) => match.requestId)).toEqual([
      "req_8a3f2b9c",
      "req_8a3f77",
    ]);
  });

  // SQLite's plans; PostgreSQL chooses its own by statistics.
  it.skipIf(testBackend() === "postgres")("answers every lookup, filter and prune through an index", async () => {
    const plan = (sql: string) => (rawSqlite(database.db).prepare(`explain query plan ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join("\n");
    expect(plan("select rejection_id from rejected_request_ids where request_id = 'req_a'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_rejected_request_ids_1/);
    expect(plan("select rejection_id from rejected_request_ids where request_id >= 'req_a' and request_id < 'req_b'")).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_rejected_request_ids_1 \(request_id>\? AND request_id<\?\)/,
    );
    expect(plan("delete from rejected_request_ids where rejection_id = 1")).toMatch(/rejected_request_ids_rejection_idx/);
    expect(plan("select id from rejected_ingests where key_prefix >= 'erk_A' and key_prefix < 'erk_B' and received_at >= 0")).toMatch(
      /rejected_ingests_key_received_idx/,
    );
    expect(plan("select id from rejected_ingests where code = 'x' and received_at >= 0")).toMatch(/rejected_ingests_code_received_idx/);
    expect(plan("select id from rejected_ingests where received_at < 5 order by received_at limit 200")).toMatch(/rejected_ingests_received_idx/);
    expect(plan("select id from rejected_ingests where received_at >= 5 order by received_at desc, id desc limit 200")).toMatch(/rejected_ingests_received_idx/);
    expect(plan("select id from rejected_ingests where errata_request_id = 'req_x'")).toMatch(/rejected_ingests_errata_request_idx/);
  });
});

describe("rejected ingests — the admin list", () => {
  it("filters by key prefix, code and request id (sent or Errata's own), newest first, with a sample of ids", async () => {
    await insertRejections([
      rejection({ receivedAt: T0, requestIds: Array.from({ length: 8 }, (_, n) => `req_batch_${n}`), errataRequestId: "req_errata_1" }),
      rejection({ receivedAt: T0 + 1, keyPrefix: "erk_Zz000000", code: "auth.key_revoked", httpStatus: 401, requestIds: [], errataRequestId: "req_errata_2", repeats: 7 }),
      rejection({ receivedAt: T0 + 2, keyPrefix: null, code: "common.unauthorized", httpStatus: 401, requestIds: [], errataRequestId: "req_errata_3" }),
    ]);
    const ids = async (filter: Parameters<typeof listRejections>[0]) => (await listRejections(filter, 50)).map((row) => row.errataRequestId);
    expect(await ids({ since: 0 })).toEqual(["req_errata_3", "req_errata_2", "req_errata_1"]);
    expect(await ids({ since: T0 + 1 })).toEqual(["req_errata_3", "req_errata_2"]);
    expect(await ids({ since: 0, keyPrefix: "erk_Zz" })).toEqual(["req_errata_2"]);
    expect(await ids({ since: 0, code: "common.validation_failed" })).toEqual(["req_errata_1"]);
    expect(await ids({ since: 0, requestId: "req_batch_6" })).toEqual(["req_errata_1"]);
    expect(await ids({ since: 0, requestId: "req_errata_2" })).toEqual(["req_errata_2"]);
    expect(await ids({ since: 0, requestId: "req_batch" })).toEqual([]);

    const [first] = await listRejections({ since: 0, code: "common.validation_failed" }, 50);
    expect(first?.sampleRequestIds).toEqual(["req_batch_0", "req_batch_1", "req_batch_2", "req_batch_3", "req_batch_4"]);
    expect(first?.requestIdCount).toBe(8);
    expect((await listRejections({ since: 0, code: "auth.key_revoked" }, 50))[0]).toMatchObject({ repeats: 7, sampleRequestIds: [] });
    expect(await listRejectionCodes(0)).toEqual(["auth.key_revoked", "common.unauthorized", "common.validation_failed"]);
  });
});

describe("rejected ingests — pruning", () => {
  it("deletes expired rows first, a batch at a time, with their ids", async () => {
    await insertRejections(Array.from({ length: 5 }, (_, n) => rejection({ receivedAt: T0 + n, errataRequestId: `req_${n}` })));
    const limits = { receivedBefore: T0 + 3, keepNewest: 100, batchSize: 2 };
    expect(await pruneRejections(limits)).toBe(2);
    expect(await pruneRejections(limits)).toBe(1);
    expect(await pruneRejections(limits)).toBe(0);
    expect((await listRejections({ since: 0 }, 10)).map((row) => row.errataRequestId)).toEqual(["req_4", "req_3"]);
    expect(await count("rejected_request_ids")).toBe(2 * 4);
  });

  it("keeps only the newest rows past the cap", async () => {
    await insertRejections(Array.from({ length: 10 }, (_, n) => rejection({ receivedAt: T0 + n, errataRequestId: `req_${n}` })));
    expect(await pruneRejections({ receivedBefore: 0, keepNewest: 4, batchSize: 100 })).toBe(6);
    expect((await listRejections({ since: 0 }, 10)).map((row) => row.errataRequestId)).toEqual(["req_9", "req_8", "req_7", "req_6"]);
    expect(await count("rejected_request_ids")).toBe(4 * 4);
    expect(await pruneRejections({ receivedBefore: 0, keepNewest: 4, batchSize: 100 })).toBe(0);
  });
});
