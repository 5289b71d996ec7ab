import "server-only";

import { sql } from "drizzle-orm";
import type { AppDatabase } from "../client";
import type { PgDb } from "../postgres/open";
import { selectRows } from "../raw";

/*
 * PostgreSQL only: the epoch of rollup_epochs and the hours of rollup_changes
 * (db/schema-pg/rollup-epochs.ts). Every commit that changed the rollups of an hour that had
 * already ended moves the epoch and records those hours under it. closed-rollups.ts reads both
 * before using its memory of closed hours, as SQLite's memory reads PRAGMA data_version.
 */

const EPOCH_ROW = 1;

export interface RollupChanges {
  /** The current epoch (0 before the first change to an ended hour). */
  epoch: number;
  /** Hours changed after the epoch asked about, or undefined when nothing was asked (all unknown). */
  hours?: number[];
}

/**
 * The current epoch and, when `since` is given, the hours changed after it, in one statement: one
 * snapshot, so no hour changed by an epoch up to the one returned is missed.
 */
export async function readRollupChanges(database: AppDatabase, since?: number): Promise<RollupChanges> {
  const epoch = sql`coalesce((select epoch from rollup_epochs where id = ${EPOCH_ROW}), 0)`;
  if (since === undefined) {
    const [row] = await selectRows<{ epoch: number }>(database, sql`select ${epoch} as epoch`);
    return { epoch: row?.epoch ?? 0 };
  }
  const [row] = await selectRows<{ epoch: number; hours: (number | string)[] }>(
    database,
    sql`select ${epoch} as epoch, array(select hour from rollup_changes where epoch > ${since} order by hour) as hours`,
  );
  // node-postgres parses the array's int8 elements apart from the global int8 parser: numbers or strings.
  return { epoch: row?.epoch ?? 0, hours: (row?.hours ?? []).map(Number) };
}

/**
 * Moves the epoch inside `tx`, the transaction that changed the ended `hours`, records those hours
 * under the new epoch, and returns it. The epoch row stays locked until that transaction ends, so
 * writers of late events commit one after the other (and cannot deadlock on rollup_changes rows);
 * writers of the current hour never take it.
 */
export async function bumpRollupEpoch(tx: Pick<PgDb, "execute">, hours: readonly number[]): Promise<number> {
  const { rows } = await tx.execute<{ epoch: number }>(sql`
    insert into rollup_epochs (id, epoch) values (${EPOCH_ROW}, 1)
    on conflict (id) do update set epoch = rollup_epochs.epoch + 1
    returning epoch`);
  // A number: db/postgres/open.ts parses int8 globally (only arrays of int8 escape it).
  const epoch = rows[0]?.epoch;
  if (epoch === undefined) throw new Error("bumpRollupEpoch: the upsert returned no epoch");
  await tx.execute(sql`
    insert into rollup_changes (hour, epoch) select unnest(${sql.param([...hours].sort((a, b) => a - b))}::bigint[]), ${epoch}
    on conflict (hour) do update set epoch = excluded.epoch`);
  return epoch;
}
