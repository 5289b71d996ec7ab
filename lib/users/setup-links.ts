import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { findUsableSetupToken, insertSetupToken, markSetupTokenUsed, releaseSetupToken, type SetupTokenRow } from "@/db/queries/setup-tokens";
import { publicBaseUrl } from "@/lib/public-base-url";
import type { Role } from "@/lib/session/roles";
import { createUser, type CreateUserResult } from "./create-user";
import type { NewUserInput } from "./user-input";

/** How long a setup link works. Long enough to reach the person, short enough not to linger. */
export const SETUP_LINK_TTL_MS = 72 * 3600_000;

const TOKEN_PATTERN = /^est_[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface SetupLink {
  url: string;
  expiresAt: number;
}

/**
 * A one-time link that creates a user with `role`: for `email`, or (null) for whoever opens it
 * first, which is how the first admin is made. Only the token's hash is stored.
 */
export async function createSetupLink(options: { email: string | null; role: Role; createdBy: string | null; now?: number }): Promise<SetupLink> {
  const now = options.now ?? Date.now();
  const token = `est_${randomBytes(32).toString("base64url")}`;
  const expiresAt = now + SETUP_LINK_TTL_MS;
  await insertSetupToken({ tokenHash: hashToken(token), email: options.email?.toLowerCase() ?? null, role: options.role, now, expiresAt, createdBy: options.createdBy });
  return { url: `${publicBaseUrl()}/setup/${token}`, expiresAt };
}

/** What a setup link offers, if it still works: the role, and the e-mail when it was fixed by the invitation. */
export async function readSetupLink(token: string, now = Date.now()): Promise<SetupTokenRow | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  return findUsableSetupToken(hashToken(token), now);
}

export type AcceptSetupResult = CreateUserResult | { ok: false; problem: "link_invalid" };

/**
 * Uses a setup link: claims the token (so a second submit or a second person cannot use it too),
 * creates the user, and gives the token back if that failed. The role always comes from the link.
 */
export async function acceptSetupLink(token: string, input: Omit<NewUserInput, "role">, now = Date.now()): Promise<AcceptSetupResult> {
  const link = await readSetupLink(token, now);
  if (!link || (link.email !== null && link.email !== input.email)) return { ok: false, problem: "link_invalid" };
  if (!(await markSetupTokenUsed(link.tokenHash, now))) return { ok: false, problem: "link_invalid" };
  try {
    const result = await createUser({ ...input, role: link.role });
    if (!result.ok) await releaseSetupToken(link.tokenHash);
    return result;
  } catch (error) {
    await releaseSetupToken(link.tokenHash);
    throw error;
  }
}
