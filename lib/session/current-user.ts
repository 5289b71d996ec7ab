import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";
import { safeReturnPath } from "./return-path";
import { roleGrants, type Role } from "./roles";
import { sessionUserFrom, type SessionUser } from "./session-user";

export type { SessionUser };

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
