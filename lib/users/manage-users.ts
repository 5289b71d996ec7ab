import "server-only";

import { isAPIError } from "better-auth/api";
import { withClusterLock } from "@/db/cluster-lock";
import { countActiveAdmins, findUserById, listUsersWithSessions, type UserWithSessions } from "@/db/queries/users";
import { requestLogger } from "@/lib/request-logger";
import { auth } from "@/lib/session/auth";
import type { SessionUser } from "@/lib/session/session-user";
import { adminLockout, lockoutRefusal, type AdminLockout, type UserChange } from "./admin-lockout";

/** A user as the users page lists them, with why (if at all) they must stay an active admin. */
export interface ManagedUser extends UserWithSessions {
  isYou: boolean;
  lockout: AdminLockout | null;
}

export async function listManagedUsers(actor: SessionUser, now = Date.now()): Promise<ManagedUser[]> {
  const [activeAdmins, users] = await Promise.all([countActiveAdmins(), listUsersWithSessions(now)]);
  return users.map((user) => ({ ...user, isYou: user.id === actor.id, lockout: adminLockout(actor.id, user, activeAdmins) }));
}

export type UserChangeResult = { ok: true } | { ok: false; problem: AdminLockout | "not_found" };

/*
 * Guarded changes run one at a time, across every instance: two admins demoting each other at the
 * same moment would both see two admins when checking, and leave none. Between the check and
 * better-auth's write there are awaits (and, on PostgreSQL, other instances), so the check and the
 * write hold one lock (db/cluster-lock.ts).
 */
const USER_CHANGES_LOCK = "users.guarded-changes";

/**
 * Calls better-auth's admin endpoint for `change` with the acting admin's request headers, so
 * better-auth checks their permission again from their own session. Deactivating and signing out
 * everywhere delete the user's sessions; a role takes effect on their next request (no cookie cache).
 */
async function applyWithBetterAuth(actor: SessionUser, userId: string, change: UserChange, headers: Headers): Promise<void> {
  const { api } = await auth();
  switch (change.kind) {
    case "set_role":
      await api.setRole({ body: { userId, role: change.role }, headers });
      return;
    case "deactivate":
      await api.banUser({ body: { userId, banReason: `Deactivated by ${actor.email}` }, headers });
      return;
    case "reactivate":
      await api.unbanUser({ body: { userId }, headers });
      return;
    case "sign_out_everywhere":
      await api.revokeUserSessions({ body: { userId }, headers });
      return;
  }
}

/**
 * Applies `change` to a user unless it would lock admins out (see admin-lockout.ts): a refusal is
 * returned as a problem. Errors other than a user that vanished meanwhile are thrown.
 */
export function changeUser(actor: SessionUser, userId: string, change: UserChange, headers: Headers): Promise<UserChangeResult> {
  return withClusterLock(USER_CHANGES_LOCK, async () => {
    const target = await findUserById(userId);
    if (!target) return { ok: false, problem: "not_found" };
    const refusal = lockoutRefusal(actor.id, target, change, await countActiveAdmins());
    if (refusal) {
      (await requestLogger()).info({ actor: actor.id, user: userId, change: change.kind, refusal }, "user change refused");
      return { ok: false, problem: refusal };
    }
    try {
      await applyWithBetterAuth(actor, userId, change, headers);
    } catch (error) {
      if (isAPIError(error) && error.status === "NOT_FOUND") return { ok: false, problem: "not_found" };
      throw error;
    }
    (await requestLogger()).info({ actor: actor.id, user: userId, change: change.kind, role: change.kind === "set_role" ? change.role : undefined }, "user changed");
    return { ok: true };
  });
}
