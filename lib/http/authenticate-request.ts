import "server-only";

import type { KeyScope } from "@/lib/auth/api-key-secret";
import { authenticateKey, type KeyActor } from "@/lib/auth/authenticate";
import { sessionUserFrom, type SessionUser } from "@/lib/session/session-user";
import { ApiError } from "./api-error";

/** What a route asks of its callers: an API key scope, or nothing (public routes). */
export type RouteAuth = KeyScope | "none";

/** Who made a request: an API key, or (for read routes) a signed-in dashboard user. */
export type Actor = KeyActor | SessionUser;

export type ActorFor<A extends RouteAuth> = A extends "none" ? null : A extends "read" ? Actor : KeyActor;

/**
 * Resolves the caller of a request. An `Authorization` header always means a key, checked for the
 * scope. Without one, read routes accept a dashboard session (the browser's own fetches); ingest and
 * admin routes do not, since services must never depend on a person's cookie.
 */
export async function authenticateRequest<A extends RouteAuth>(request: Request, auth: A): Promise<ActorFor<A>> {
  if (auth === "none") return null as ActorFor<A>;
  const authorization = request.headers.get("authorization");
  if (authorization !== null || auth !== "read") return (await authenticateKey(authorization, auth)) as ActorFor<A>;
  const user = await sessionUserFrom(request.headers);
  if (!user) {
    throw new ApiError(401, "common.unauthorized", "Sign in to Errata, or send an API key as `Authorization: Bearer <key>`.", {
      required_scope: auth,
    });
  }
  return user as ActorFor<A>;
}
