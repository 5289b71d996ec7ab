import type { Role } from "@/lib/session/roles";

/*
 * The rule that keeps Errata manageable: someone must always be able to sign in as an admin. It is
 * pure so that the server enforces it and the users page explains it from the same code.
 */

/** What the rule needs to know about the user being changed. */
export interface LockoutTarget {
  id: string;
  role: Role;
  deactivated: boolean;
}

/** A change to an existing user, as the users page asks for it. */
export type UserChange = { kind: "set_role"; role: Role } | { kind: "deactivate" } | { kind: "reactivate" } | { kind: "sign_out_everywhere" };

/** Why a user must stay an active admin: they are the one asking, or the last one there is. */
export type AdminLockout = "self" | "last_admin";

export const LOCKOUT_MESSAGES: Record<AdminLockout, string> = {
  self: "You cannot remove your own admin access. Ask another admin.",
  last_admin: "This is the last active admin. Make someone else an admin first.",
};

function isActiveAdmin(target: LockoutTarget): boolean {
  return target.role === "admin" && !target.deactivated;
}

/** Whether `change` would leave `target` unable to act as an admin. */
export function removesActiveAdmin(target: LockoutTarget, change: UserChange): boolean {
  if (!isActiveAdmin(target)) return false;
  return change.kind === "deactivate" || (change.kind === "set_role" && change.role !== "admin");
}

/**
 * Why `target` may not be demoted or deactivated by `actorId`, or null when they may be.
 * `activeAdmins` counts every active admin, `target` included.
 */
export function adminLockout(actorId: string, target: LockoutTarget, activeAdmins: number): AdminLockout | null {
  if (!isActiveAdmin(target)) return null;
  if (target.id === actorId) return "self";
  return activeAdmins <= 1 ? "last_admin" : null;
}

/** Why `change` is refused under the lockout rule, or null. Changes that keep admin access are never refused. */
export function lockoutRefusal(actorId: string, target: LockoutTarget, change: UserChange, activeAdmins: number): AdminLockout | null {
  return removesActiveAdmin(target, change) ? adminLockout(actorId, target, activeAdmins) : null;
}
