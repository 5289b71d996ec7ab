import "server-only";

import { and, eq, gt, isNull } from "drizzle-orm";
import type { Role } from "@/lib/session/roles";
import { getDb } from "../client";
import { setupTokens } from "../schema";

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
export function insertSetupToken(token: NewSetupToken): void {
  const db = getDb();
  db.transaction((tx) => {
    const sameTarget = token.email === null ? isNull(setupTokens.email) : eq(setupTokens.email, token.email);
    tx.delete(setupTokens).where(and(sameTarget, isNull(setupTokens.usedAt))).run();
    tx.insert(setupTokens)
      .values({ tokenHash: token.tokenHash, email: token.email, role: token.role, createdAt: token.now, expiresAt: token.expiresAt, createdBy: token.createdBy })
      .run();
  });
}

/** The unused, unexpired token with this hash, or null. */
export function findUsableSetupToken(tokenHash: string, now: number): SetupTokenRow | null {
  const row = getDb()
    .select({ tokenHash: setupTokens.tokenHash, email: setupTokens.email, role: setupTokens.role, expiresAt: setupTokens.expiresAt })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .get();
  return row ? { ...row, role: row.role === "admin" ? "admin" : "agent" } : null;
}

/** Marks a token used; false when it was used (or expired) meanwhile, e.g. by a double submit. */
export function markSetupTokenUsed(tokenHash: string, now: number): boolean {
  const result = getDb()
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .run();
  return result.changes === 1;
}

/** Gives a token back when creating its user failed after it was claimed, so the link still works. */
export function releaseSetupToken(tokenHash: string): void {
  getDb().update(setupTokens).set({ usedAt: null }).where(eq(setupTokens.tokenHash, tokenHash)).run();
}
