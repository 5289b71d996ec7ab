import "server-only";

import { findUserByEmail } from "@/db/queries/users";
import { requestLogger } from "@/lib/request-logger";
import type { SessionUser } from "@/lib/session/session-user";
import type { Role } from "@/lib/session/roles";
import { createSetupLink, SETUP_LINK_TTL_MS } from "./setup-links";

export interface Invitation {
  email: string;
  role: Role;
  /** The one-time setup link: shown to the admin once, never stored (only its hash is). */
  url: string;
  expiresAt: number;
  validForHours: number;
}

export type InviteResult = { ok: true; invitation: Invitation } | { ok: false; problem: "email_taken" };

/**
 * An invitation for `email` with `role`, made by `invitedBy`. It replaces any unused earlier link
 * for the same address (see insertSetupToken), so only the newest link sent works.
 */
export async function inviteUser(invitedBy: SessionUser, email: string, role: Role, now = Date.now()): Promise<InviteResult> {
  // An existing account, deactivated or not, is managed on the users page, not invited again.
  if (await findUserByEmail(email)) return { ok: false, problem: "email_taken" };
  const link = await createSetupLink({ email, role, createdBy: invitedBy.id, now });
  (await requestLogger()).info({ actor: invitedBy.id, role }, "invitation created");
  return { ok: true, invitation: { email: email.toLowerCase(), role, url: link.url, expiresAt: link.expiresAt, validForHours: SETUP_LINK_TTL_MS / 3_600_000 } };
}
