import { and, count, eq, gt, gte, lt, max, min, notExists, sql } from "drizzle-orm";
import type { AppDatabase } from "@/db/client";
import { executeStatement, selectRows } from "@/db/raw";
import { HOUR_MS } from "@/lib/trends/buckets";
import { deriveFromColumns } from "../fill";
import { tableColumns } from "./backend";

/*
 * What an ingest run added, checked and taken out again: the events after the last id the fill
 * stored, and the rollups of the hours they fell in, derived again from the events left.
 */

export interface Added {
  n: number;
  /** Whole hours the added events fall in, half-open. */
  from: number;
  to: number;
}

export async function lastEventId({ db, t }: AppDatabase): Promise<number> {
  const [row] = await db.select({ id: max(t.events.id) }).from(t.events);
  return row?.id ?? 0;
}

/** Hours the events after `afterId` fall in, as a half-open range of whole hours, and how many they are. */
export async function addedSince({ db, t }: AppDatabase, afterId: number): Promise<Added> {
  const { events } = t;
  const [row] = await db
    .select({ n: count(), first: min(events.occurredAt), last: max(events.occurredAt) })
    .from(events)
    .where(gt(events.id, afterId));
  const first = row?.first ?? 0;
  const last = row?.last ?? 0;
  return { n: row?.n ?? 0, from: first - (first % HOUR_MS), to: last - (last % HOUR_MS) + HOUR_MS };
}

/** Whether the rollups of these hours count exactly the events stored in them. */
export async function rollupsInStep({ db, t }: AppDatabase, hours: Added): Promise<string | undefined> {
  const { events, hourlyRollups: r } = t;
  const [rolled] = await db.select({ n: sql<number>`coalesce(sum(${r.count}), 0)`.mapWith(Number) }).from(r).where(and(gte(r.hour, hours.from), lt(r.hour, hours.to)));
  const [stored] = await db.select({ n: count() }).from(events).where(and(gte(events.occurredAt, hours.from), lt(events.occurredAt, hours.to)));
  if (rolled?.n === stored?.n) return undefined;
  return `after ingest, the hourly rollups of the ingested hours count ${rolled?.n} events, the events table holds ${stored?.n}`;
}

/** Deletes the events after `afterId` and derives their hours' rollups again from what is left. */
export async function restore(app: AppDatabase, afterId: number, hours: Added): Promise<void> {
  const { db, t } = app;
  const { events, hourlyRollups: r, organizations } = t;
  await db.delete(events).where(gt(events.id, afterId));
  await db.delete(r).where(and(gte(r.hour, hours.from), lt(r.hour, hours.to)));
  await executeStatement(app, sql.raw(deriveFromColumns("hourly_rollups", tableColumns(r), `occurred_at >= ${hours.from} AND occurred_at < ${hours.to}`)));
  await db.delete(organizations).where(notExists(db.select({ one: sql`1` }).from(events).where(eq(events.orgId, organizations.id))));
  if (app.dialect !== "postgres") return;
  // The deleted rows stay as dead tuples until a vacuum; one now keeps autovacuum from starting on
  // them during the next run's measurements. A BRIN range's summary only ever widens: rebuilt, the
  // ranges the ingest wrote into summarize the fill's rows alone again.
  await executeStatement(app, sql`vacuum (analyze) events, hourly_rollups, organizations`);
  const brins = await selectRows<{ name: string }>(
    app,
    sql`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
        where i.indrelid = 'events'::regclass and am.amname = 'brin'`,
  );
  for (const { name } of brins) await executeStatement(app, sql`reindex index ${sql.identifier(name)}`);
}

