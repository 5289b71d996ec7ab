import "server-only";

import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { database, type AppDatabase, type Tables } from "../client";
import { firstRow, forDialect, selectRows } from "../raw";
import { exec, rows as rowsOf, transaction } from "../transaction";

/** One refused submission as the trail records it. */
export interface NewRejection {
  receivedAt: number;
  keyPrefix: string | null;
  httpStatus: number;
  code: string;
  summary: string;
  errataRequestId: string;
  eventCount: number | null;
  requestIds: readonly string[];
  repeats: number;
}

/** A stored refusal: its ids are counted here and listed by their own query. */
export interface Rejection extends Omit<NewRejection, "requestIds"> {
  id: number;
  requestIdCount: number;
}

/** A request id read from a refused submission, with that refusal. */
export interface RequestIdRejection {
  requestId: string;
  rejection: Rejection;
}

function rejectionColumns({ rejectedIngests }: Tables) {
  return {
    id: rejectedIngests.id,
    receivedAt: rejectedIngests.receivedAt,
    keyPrefix: rejectedIngests.keyPrefix,
    httpStatus: rejectedIngests.httpStatus,
    code: rejectedIngests.code,
    summary: rejectedIngests.summary,
    errataRequestId: rejectedIngests.errataRequestId,
    eventCount: rejectedIngests.eventCount,
    requestIdCount: rejectedIngests.requestIdCount,
    repeats: rejectedIngests.repeats,
  };
}

/** Id rows per INSERT: two bound parameters each, well under SQLite's and PostgreSQL's limits. */
const IDS_PER_STATEMENT = 400;

/*
 * The trail writes after the request, on a timer: writes take the database the refusal was noted
 * against, so one that outlived its database (tests switch them) fails instead of reopening another.
 */

/** Records refused submissions with their request ids, all in one transaction. */
export async function insertRejections(rows: readonly NewRejection[], handle?: AppDatabase): Promise<void> {
  if (rows.length === 0) return;
  const target = handle ?? (await database());
  const { rejectedIngests, rejectedRequestIds } = target.t;
  await transaction(target, function* (tx) {
    for (const { requestIds, ...row } of rows) {
      const [inserted] = yield* rowsOf(
        tx
          .insert(rejectedIngests)
          .values({ ...row, requestIdCount: requestIds.length })
          .returning({ id: rejectedIngests.id }),
      );
      if (!inserted) throw new Error("insert into rejected_ingests returned no row");
      for (let start = 0; start < requestIds.length; start += IDS_PER_STATEMENT) {
        const chunk = requestIds.slice(start, start + IDS_PER_STATEMENT);
        yield* exec(
          tx
            .insert(rejectedRequestIds)
            .values(chunk.map((requestId) => ({ requestId, rejectionId: inserted.id })))
            .onConflictDoNothing(),
        );
      }
    }
  });
}

export interface PruneLimits {
  /** Rows received before this time go. */
  receivedBefore: number;
  /** At most this many rows stay, the newest. */
  keepNewest: number;
  /** Rows deleted by this call at most, so one call holds the write lock only briefly. */
  batchSize: number;
}

/** Deletes one batch of expired or over-cap refusals (their ids cascade); returns how many went. */
export async function pruneRejections(limits: PruneLimits, handle?: AppDatabase): Promise<number> {
  const { db, t } = handle ?? (await database());
  const { rejectedIngests } = t;
  const deleted = { id: rejectedIngests.id };
  const expired = db
    .select({ id: rejectedIngests.id })
    .from(rejectedIngests)
    .where(lt(rejectedIngests.receivedAt, limits.receivedBefore))
    .orderBy(rejectedIngests.receivedAt)
    .limit(limits.batchSize);
  let removed = (await db.delete(rejectedIngests).where(inArray(rejectedIngests.id, expired)).returning(deleted)).length;
  const room = limits.batchSize - removed;
  if (room <= 0) return removed;
  // The newest row past the cap: it and everything older go. Ids grow with time, so id order is age order.
  const boundary = firstRow(await db.select({ id: rejectedIngests.id }).from(rejectedIngests).orderBy(desc(rejectedIngests.id)).limit(1).offset(limits.keepNewest));
  if (boundary) {
    const overCap = db.select({ id: rejectedIngests.id }).from(rejectedIngests).where(lte(rejectedIngests.id, boundary.id)).orderBy(rejectedIngests.id).limit(room);
    removed += (await db.delete(rejectedIngests).where(inArray(rejectedIngests.id, overCap)).returning(deleted)).length;
  }
  return removed;
}

/** Ids are ASCII; U+FFFF sorts above every ASCII byte, so this closes the prefix range. */
function idRange({ rejectedRequestIds }: Tables, prefix: string): SQL | undefined {
  return and(gte(rejectedRequestIds.requestId, prefix), lt(rejectedRequestIds.requestId, `${prefix}\uffff`));
}

/**
 * Refusals of submissions that carried this request id (or, with `prefix`, an id starting with
 * it), newest first, received since `since`.
 */
export async function findRejectionsOfRequestId(
  requestId: string,
  options: { since: number; limit: number; prefix?: boolean },
): Promise<RequestIdRejection[]> {
  const { db, t } = await database();
  const { rejectedIngests, rejectedRequestIds } = t;
  const match = options.prefix ? idRange(t, requestId) : eq(rejectedRequestIds.requestId, requestId);
  return db
    .select({ requestId: rejectedRequestIds.requestId, rejection: rejectionColumns(t) })
    .from(rejectedRequestIds)
    .innerJoin(rejectedIngests, eq(rejectedIngests.id, rejectedRequestIds.rejectionId))
    .where(and(match, gte(rejectedIngests.receivedAt, options.since)))
    .orderBy(desc(rejectedIngests.receivedAt), desc(rejectedIngests.id), rejectedRequestIds.requestId)
    .limit(options.limit);
}

export interface RejectionFilter {
  since: number;
  /** Start of the key's display prefix. */
  keyPrefix?: string;
  code?: string;
  /** A request id the submission carried, or Errata's own request id of the refusal. */
  requestId?: string;
}

export interface ListedRejection extends Rejection {
  /** The first few request ids of the submission, in body order. */
  sampleRequestIds: string[];
}

function filterConditions({ db, t }: AppDatabase, filter: RejectionFilter): (SQL | undefined)[] {
  const { rejectedIngests, rejectedRequestIds } = t;
  const carrying = filter.requestId
    ? db.select({ id: rejectedRequestIds.rejectionId }).from(rejectedRequestIds).where(eq(rejectedRequestIds.requestId, filter.requestId))
    : undefined;
  return [
    gte(rejectedIngests.receivedAt, filter.since),
    filter.keyPrefix ? and(gte(rejectedIngests.keyPrefix, filter.keyPrefix), lt(rejectedIngests.keyPrefix, `${filter.keyPrefix}\uffff`)) : undefined,
    filter.code ? eq(rejectedIngests.code, filter.code) : undefined,
    filter.requestId && carrying ? or(inArray(rejectedIngests.id, carrying), eq(rejectedIngests.errataRequestId, filter.requestId)) : undefined,
  ];
}

/** Recent refusals matching the filter, newest first, each with a sample of its request ids. */
export async function listRejections(filter: RejectionFilter, limit: number, samplePerRow = 5): Promise<ListedRejection[]> {
  const handle = await database();
  const { rejectedIngests } = handle.t;
  const rows = await handle.db
    .select(rejectionColumns(handle.t))
    .from(rejectedIngests)
    .where(and(...filterConditions(handle, filter)))
    .orderBy(desc(rejectedIngests.receivedAt), desc(rejectedIngests.id))
    .limit(limit);
  if (rows.length === 0) return [];
  // SQLite's rowid follows insertion, which follows the body's order. PostgreSQL has no rowid; the
  // table is insert-only, so a row's physical position (ctid) follows insertion order just as well.
  const insertionOrder = forDialect(handle, { sqlite: sql`rowid`, postgres: sql`ctid` });
  // One query for the whole page.
  const samples = await selectRows<{ rejectionId: number; requestId: string }>(handle, sql`
    select rejection_id as "rejectionId", request_id as "requestId" from (
      select rejection_id, request_id, row_number() over (partition by rejection_id order by ${insertionOrder}) as position
      from rejected_request_ids where rejection_id in (${sql.join(rows.map((row) => sql`${row.id}`), sql`, `)})
    ) as numbered where position <= ${samplePerRow} order by rejection_id, position`);
  const byRejection = new Map<number, string[]>();
  for (const sample of samples) byRejection.set(sample.rejectionId, [...(byRejection.get(sample.rejectionId) ?? []), sample.requestId]);
  return rows.map((row) => ({ ...row, sampleRequestIds: byRejection.get(row.id) ?? [] }));
}

/** The reason codes present in the trail since `since`, for the filter's choices. */
export async function listRejectionCodes(since: number): Promise<string[]> {
  const { db, t } = await database();
  const { rejectedIngests } = t;
  const codes = await db.selectDistinct({ code: rejectedIngests.code }).from(rejectedIngests).where(gte(rejectedIngests.receivedAt, since)).orderBy(rejectedIngests.code);
  return codes.map((row) => row.code);
}
