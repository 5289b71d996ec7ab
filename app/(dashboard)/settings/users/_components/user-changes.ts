import type { ManagedUser } from "@/lib/actions/users";
import { removesActiveAdmin, type AdminLockout, type UserChange } from "@/lib/users/admin-lockout";

/** How the page words one change to one user: its row button, its confirmation, its outcome. */
export interface ChangeWording {
  /** Visible text of the row button and of the confirming one; the row's adds the user's e-mail. */
  button: string;
  title: string;
  consequence: string;
  pending: string;
  done: string;
  danger: boolean;
}

/** Why a row offers no demote or deactivate button; the server refuses those changes too. */
export const LOCKOUT_HINTS: Record<AdminLockout, string> = {
  self: "Your own account: another admin can change its role or deactivate it.",
  last_admin: "The last active admin: make someone else an admin first.",
};

/** The changes a row offers: never one the lockout rule refuses, nor ending the viewer's own sessions. */
export function changesFor(user: ManagedUser): UserChange[] {
  const candidates: UserChange[] = [
    { kind: "set_role", role: user.role === "admin" ? "agent" : "admin" },
    user.deactivated ? { kind: "reactivate" } : { kind: "deactivate" },
  ];
  if (user.activeSessions > 0 && !user.isYou) candidates.push({ kind: "sign_out_everywhere" });
  return candidates.filter((change) => user.lockout === null || !removesActiveAdmin(user, change));
}

function sessionsPhrase(count: number): string {
  return count === 1 ? "Their session ends" : `Their ${count} sessions end`;
}

export function wordingOf(user: ManagedUser, change: UserChange): ChangeWording {
  const { email } = user;
  switch (change.kind) {
    case "set_role":
      return change.role === "admin"
        ? {
            button: "Make admin",
            title: `Make ${email} an admin?`,
            consequence: "Admins also manage API keys and users and read the audit log. This applies from their next page load.",
            pending: "Changing…",
            done: `${email} is now an admin.`,
            danger: false,
          }
        : {
            button: "Make agent",
            title: `Make ${email} an agent?`,
            consequence: "Agents search, view and chart, and lose access to settings from their next page load.",
            pending: "Changing…",
            done: `${email} is now an agent.`,
            danger: false,
          };
    case "deactivate":
      return {
        button: "Deactivate",
        title: `Deactivate ${email}?`,
        consequence: `They are signed out everywhere at once and cannot sign in until an admin reactivates them. What they did stays on record.`,
        pending: "Deactivating…",
        done: `${email} is deactivated and signed out.`,
        danger: true,
      };
    case "reactivate":
      return {
        button: "Reactivate",
        title: `Reactivate ${email}?`,
        consequence: "They can sign in again with their password, with the role shown.",
        pending: "Reactivating…",
        done: `${email} can sign in again.`,
        danger: false,
      };
    case "sign_out_everywhere":
      return {
        button: "Sign out everywhere",
        title: `Sign ${email} out everywhere?`,
        consequence: `${sessionsPhrase(user.activeSessions)} now, on every device. They can sign in again at once; to stop that, deactivate them.`,
        pending: "Signing out…",
        done: `${email} is signed out everywhere.`,
        danger: true,
      };
  }
}
