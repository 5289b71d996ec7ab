import "server-only";

import { and, count, eq, gte, lt, min } from "drizzle-orm";
import { database } from "../client";
import { firstRow } from "../raw";

export async function recordSignInFailure(email: string, clientAddress: string, now: number): Promise<void> {
  const { db, t } = await database();
  await db.insert(t.signInFailures).values({ email, clientAddress, failedAt: now });
}

export interface RecentFailures {
  forEmail: number;
  forClient: number;
  /** The oldest failure still counted for the e-mail address or the client, whichever limits. */
  oldestForEmail: number | null;
  oldestForClient: number | null;
}

async function failuresSince(column: "email" | "clientAddress", value: string, since: number) {
  const { db, t } = await database();
  const { signInFailures } = t;
  const row = firstRow(
    await db
      .select({ failures: count(), oldest: min(signInFailures.failedAt) })
      .from(signInFailures)
      .where(and(eq(signInFailures[column], value), gte(signInFailures.failedAt, since))),
  );
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null };
}

/** Failed sign-ins since `since` for this e-mail address and for this client address. */
export async function recentSignInFailures(email: string, clientAddress: string, since: number): Promise<RecentFailures> {
  const byEmail = await failuresSince("email", email, since);
  const byClient = await failuresSince("clientAddress", clientAddress, since);
  return { forEmail: byEmail.failures, forClient: byClient.failures, oldestForEmail: byEmail.oldest, oldestForClient: byClient.oldest };
}

/** A successful sign-in forgives the account's earlier failures (not the client's). */
export async function clearSignInFailures(email: string): Promise<void> {
  const { db, t } = await database();
  await db.delete(t.signInFailures).where(eq(t.signInFailures.email, email));
}

/** Forgets failures older than `before`; they no longer count toward any limit. */
export async function pruneSignInFailures(before: number): Promise<void> {
  const { db, t } = await database();
  await db.delete(t.signInFailures).where(lt(t.signInFailures.failedAt, before));
}
