import "server-only";

import { sql } from "drizzle-orm";
import type { AppDatabase } from "../client";
import type { PgDb } from "../postgres/open";
import { selectRows } from "../raw";

/*
 * PostgreSQL only: the epoch of rollup_epochs (db/schema-pg/rollup-epochs.ts), which moves with
 * every commit that changed the rollups of an hour that had already ended. closed-rollups.ts reads
 * it before using its memory of closed hours, as SQLite's memory reads PRAGMA data_version.
 */

const EPOCH_ROW = 1;

/** The current epoch (0 before the first change to an ended hour): one primary-key read. */
export async function readRollupEpoch(database: AppDatabase): Promise<number> {
  const [row] = await selectRows<{ epoch: number }>(database, sql`select epoch from rollup_epochs where id = ${EPOCH_ROW}`);
  return row?.epoch ?? 0;
}

/**
 * Moves the epoch inside `tx`, the transaction that changed an ended hour, and returns the new
 * epoch. The row stays locked until that transaction ends, so writers of late events commit one
 * after the other; writers of the current hour never take it.
 */
export async function bumpRollupEpoch(tx: Pick<PgDb, "execute">): Promise<number> {
  const { rows } = await tx.execute<{ epoch: number }>(sql`
    insert into rollup_epochs (id, epoch) values (${EPOCH_ROW}, 1)
    on conflict (id) do update set epoch = rollup_epochs.epoch + 1
    returning epoch`);
  const epoch = rows[0]?.epoch;
  if (epoch === undefined) throw new Error("bumpRollupEpoch: the upsert returned no epoch");
  return epoch;
}
