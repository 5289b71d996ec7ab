import "server-only";

import { auth } from "./auth";
import { roleOf, type Role } from "./roles";

/**
 * The signed-in person, as pages, actions, the API and the audit log see them. Kept apart from the
 * page helpers (current-user.ts) so that API routes do not load next/navigation.
 */
export interface SessionUser {
  kind: "user";
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The user of a session token carried by `requestHeaders`, or null (none, expired, revoked, deactivated). */
export async function sessionUserFrom(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await (await auth()).api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const { user } = session;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: roleOf(user.role) };
}
