import "server-only";

import { and, eq, gt, isNull } from "drizzle-orm";
import type { Role } from "@/lib/session/roles";
import { database } from "../client";
import { firstRow } from "../raw";
import { exec, transaction } from "../transaction";

export interface SetupTokenRow {
  tokenHash: string;
  email: string | null;
  role: Role;
  expiresAt: number;
}

export interface NewSetupToken {
  tokenHash: string;
  email: string | null;
  role: Role;
  now: number;
  expiresAt: number;
  createdBy: string | null;
}

/**
 * Stores a new setup link's token hash. A new link for the same e-mail (or a new first-admin link)
 * replaces the unused ones before it, so only the latest link printed or sent works.
 */
export async function insertSetupToken(token: NewSetupToken): Promise<void> {
  const handle = await database();
  const { setupTokens } = handle.t;
  await transaction(handle, function* (tx) {
    const sameTarget = token.email === null ? isNull(setupTokens.email) : eq(setupTokens.email, token.email);
    yield* exec(tx.delete(setupTokens).where(and(sameTarget, isNull(setupTokens.usedAt))));
    yield* exec(
      tx
        .insert(setupTokens)
        .values({ tokenHash: token.tokenHash, email: token.email, role: token.role, createdAt: token.now, expiresAt: token.expiresAt, createdBy: token.createdBy }),
    );
  });
}

/** The unused, unexpired token with this hash, or null. */
export async function findUsableSetupToken(tokenHash: string, now: number): Promise<SetupTokenRow | null> {
  const { db, t } = await database();
  const { setupTokens } = t;
  const row = firstRow(
    await db
      .select({ tokenHash: setupTokens.tokenHash, email: setupTokens.email, role: setupTokens.role, expiresAt: setupTokens.expiresAt })
      .from(setupTokens)
      .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
      .limit(1),
  );
  return row ? { ...row, role: row.role === "admin" ? "admin" : "agent" } : null;
}

/** Marks a token used; false when it was used (or expired) meanwhile, e.g. by a double submit. */
export async function markSetupTokenUsed(tokenHash: string, now: number): Promise<boolean> {
  const { db, t } = await database();
  const { setupTokens } = t;
  const claimed = await db
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .returning({ tokenHash: setupTokens.tokenHash });
  return claimed.length === 1;
}

/** Gives a token back when creating its user failed after it was claimed, so the link still works. */
export async function releaseSetupToken(tokenHash: string): Promise<void> {
  const { db, t } = await database();
  await db.update(t.setupTokens).set({ usedAt: null }).where(eq(t.setupTokens.tokenHash, tokenHash));
}

/** When the usable first-admin link (if any) was issued and until when it works. */
export async function findUsableFirstAdminToken(now: number): Promise<{ createdAt: number; expiresAt: number } | null> {
  const { db, t } = await database();
  const { setupTokens } = t;
  const row = firstRow(
    await db
      .select({ createdAt: setupTokens.createdAt, expiresAt: setupTokens.expiresAt })
      .from(setupTokens)
      .where(and(isNull(setupTokens.email), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
      .limit(1),
  );
  return row ?? null;
}
