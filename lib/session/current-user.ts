import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";
import { getAuth } from "./auth";
import { safeReturnPath } from "./return-path";
import { roleGrants, roleOf, type Role } from "./roles";

/** The signed-in person, as pages, actions and the audit log see them. */
export interface SessionUser {
  kind: "user";
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The user of a session token carried by `requestHeaders`, or null (none, expired, revoked, deactivated). */
export async function sessionUserFrom(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const { user } = session;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: roleOf(user.role) };
}

/** The signed-in user of the request being rendered, looked up once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => sessionUserFrom(await headers()));

/** Where a signed-out visitor of `path` is sent: the sign-in page, which brings them back after. */
export function signInPath(path: string | null): string {
  const next = safeReturnPath(path);
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * For pages: the signed-in user with at least `role`. Signed-out visitors are redirected to sign
 * in, which brings them back to the page (proxy.ts tells which); signed-in users without the role
 * get the 403 page.
 */
export async function requirePageUser(role: Role = "agent"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  if (!roleGrants(user.role, role)) forbidden();
  return user;
}
