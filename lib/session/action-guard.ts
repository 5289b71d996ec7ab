import "server-only";

import { currentUser, type SessionUser } from "./current-user";
import { roleGrants, type Role } from "./roles";

/** Why a server action refused to run; the browser gets a generic failure, the log the reason. */
export class ActionRefused extends Error {
  constructor(readonly reason: "signed_out" | "forbidden") {
    super(reason === "signed_out" ? "Sign in to do this." : "Only admins may do this.");
    this.name = "ActionRefused";
  }
}

/**
 * The first line of every server action that reads or changes data: server actions are public
 * POST endpoints, reachable without the page that renders their form, so each one checks the
 * session itself rather than trusting that its page did.
 */
export async function requireActionUser(role: Role = "agent"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new ActionRefused("signed_out");
  if (!roleGrants(user.role, role)) throw new ActionRefused("forbidden");
  return user;
}
