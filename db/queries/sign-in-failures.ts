import "server-only";

import { and, count, eq, gte, lt, min } from "drizzle-orm";
import { getDb } from "../client";
import { signInFailures } from "../schema";

export function recordSignInFailure(email: string, clientAddress: string, now: number): void {
  getDb().insert(signInFailures).values({ email, clientAddress, failedAt: now }).run();
}

export interface RecentFailures {
  forEmail: number;
  forClient: number;
  /** The oldest failure still counted for the e-mail address or the client, whichever limits. */
  oldestForEmail: number | null;
  oldestForClient: number | null;
}

function failuresSince(column: typeof signInFailures.email | typeof signInFailures.clientAddress, value: string, since: number) {
  const row = getDb()
    .select({ failures: count(), oldest: min(signInFailures.failedAt) })
    .from(signInFailures)
    .where(and(eq(column, value), gte(signInFailures.failedAt, since)))
    .get();
  return { failures: row?.failures ?? 0, oldest: row?.oldest ?? null };
}

/** Failed sign-ins since `since` for this e-mail address and for this client address. */
export function recentSignInFailures(email: string, clientAddress: string, since: number): RecentFailures {
  const byEmail = failuresSince(signInFailures.email, email, since);
  const byClient = failuresSince(signInFailures.clientAddress, clientAddress, since);
  return { forEmail: byEmail.failures, forClient: byClient.failures, oldestForEmail: byEmail.oldest, oldestForClient: byClient.oldest };
}

/** A successful sign-in forgives the account's earlier failures (not the client's). */
export function clearSignInFailures(email: string): void {
  getDb().delete(signInFailures).where(eq(signInFailures.email, email)).run();
}

/** Forgets failures older than `before`; they no longer count toward any limit. */
export function pruneSignInFailures(before: number): void {
  getDb().delete(signInFailures).where(lt(signInFailures.failedAt, before)).run();
}
