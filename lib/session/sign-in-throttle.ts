import "server-only";

import { pruneSignInFailures, recentSignInFailures } from "@/db/queries/sign-in-failures";
import { env } from "@/lib/env";

/** Failures count for this long; after it a locked account or client may try again. */
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * A client address gets more tries than one account: several people behind one office address
 * mistype passwords, while guessing one account's password is what the per-account limit stops.
 */
const CLIENT_LIMIT_FACTOR = 4;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: number };

/**
 * Whether another sign-in attempt may be made for `email` from `clientAddress` now. Checked before
 * the password is, so a locked account answers the same whether the password is right or not.
 */
export async function checkSignInThrottle(email: string, clientAddress: string, now = Date.now()): Promise<ThrottleDecision> {
  const since = now - SIGN_IN_FAILURE_WINDOW_MS;
  await pruneSignInFailures(since);
  const maxPerEmail = env().ERRATA_SIGN_IN_MAX_FAILURES;
  const recent = await recentSignInFailures(email, clientAddress, since);
  const retryTimes: number[] = [];
  if (recent.forEmail >= maxPerEmail && recent.oldestForEmail !== null) retryTimes.push(recent.oldestForEmail + SIGN_IN_FAILURE_WINDOW_MS);
  if (recent.forClient >= maxPerEmail * CLIENT_LIMIT_FACTOR && recent.oldestForClient !== null) {
    retryTimes.push(recent.oldestForClient + SIGN_IN_FAILURE_WINDOW_MS);
  }
  return retryTimes.length === 0 ? { allowed: true } : { allowed: false, retryAt: Math.max(...retryTimes) };
}
