import type pg from "pg";
import { DAY_MS } from "@/lib/trends/buckets";
import type { Layout } from "./layouts";

/*
 * Retention's two ways. Both layouts can delete the oldest days' rows, and then pay for the dead
 * tuples in vacuum (which walks every index of the table, or of the partition, that held them).
 * Partitions can also drop a whole month, once every row of it is past the retention: a file
 * unlink, no dead tuples. With a default partition PostgreSQL refuses DETACH … CONCURRENTLY, so the
 * detach takes an ACCESS EXCLUSIVE lock on the parent table: brief, but it waits for, and blocks,
 * every read and insert of events. Run last: it deletes what the other measurements read.
 */

export interface DayDelete {
  rows: number;
  ms: number;
}

export interface RetentionFigures {
  days: DayDelete[];
  /** `vacuum` of what held the deleted rows: the table, or the partitions the days fell in. */
  vacuumMs: number;
  /** Detach and drop of the oldest month partition (partitioned layout only). */
  drop?: { partition: string; rows: number; detachMs: number; dropMs: number };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Deletes `days` whole days from `from` (the oldest event's time), one statement per day. */
export async function measureRetention(client: pg.Client, layout: Layout, from: number, days: number): Promise<RetentionFigures> {
  const deletes: DayDelete[] = [];
  for (let day = 0; day < days; day++) {
    const start = from + day * DAY_MS;
    const { ms, result } = await timed(() =>
      client.query(`delete from ${layout.table} where occurred_at >= $1 and occurred_at < $2`, [start, start + DAY_MS]),
    );
    deletes.push({ rows: result.rowCount ?? 0, ms });
  }
  const end = from + days * DAY_MS;
  const touched = layout.partitions.filter((part) => part.from !== undefined && part.to !== undefined && part.from < end && part.to > from);
  const vacuumed = touched.length > 0 ? touched.map((part) => part.table) : [layout.table];
  const vacuum = await timed(() => client.query(`vacuum ${vacuumed.join(", ")}`));
  const oldest = layout.partitions[0];
  if (!oldest || oldest.from === undefined) return { days: deletes, vacuumMs: vacuum.ms };

  const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${oldest.table}`);
  const detach = await timed(() => client.query(`alter table ${layout.table} detach partition ${oldest.table}`));
  const drop = await timed(() => client.query(`drop table ${oldest.table}`));
  return {
    days: deletes,
    vacuumMs: vacuum.ms,
    drop: { partition: oldest.table, rows: Number(rows[0]?.n ?? 0), detachMs: detach.ms, dropMs: drop.ms },
  };
}
