import "server-only";

import { sql } from "drizzle-orm";
import { postgresDatabase } from "../client";
import { rateLimitBuckets } from "../schema-pg";

export interface SharedBucket {
  /** Requests a key may send back to back. */
  burst: number;
  /** Tokens added per second, continuously. */
  ratePerSecond: number;
}

export interface SharedTake {
  admitted: boolean;
  /** Tokens left after this take. */
  tokens: number;
}

/**
 * Takes one token from the bucket `key` shared by every instance on this PostgreSQL database,
 * refilling it for the time since its last take first; a refused take takes nothing. One statement:
 * ON CONFLICT DO UPDATE locks the row, so takes of one key from any number of instances run one
 * after another, each seeing the previous one's tokens. A missing row is a full bucket.
 *
 * `now` is the calling instance's clock; `updated_at` never moves backwards, so an instance whose
 * clock lags refills nothing rather than handing out tokens twice.
 */
export async function takeSharedToken(key: string, now: number, bucket: SharedBucket): Promise<SharedTake> {
  const db = await postgresDatabase();
  const { tokens, updatedAt } = rateLimitBuckets;
  const at = sql`cast(${now} as bigint)`;
  const refilled = sql`least(cast(${bucket.burst} as double precision), ${tokens} + greatest(0, ${at} - ${updatedAt}) * cast(${bucket.ratePerSecond / 1000} as double precision))`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, tokens: bucket.burst - 1, updatedAt: now, admitted: true })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
        admitted: sql`${refilled} >= 1`,
        updatedAt: sql`greatest(${updatedAt}, ${at})`,
      },
    })
    .returning({ admitted: rateLimitBuckets.admitted, tokens: rateLimitBuckets.tokens });
  if (!row) throw new Error("rate_limit_buckets: the upsert returned no row");
  return row;
}
