import "server-only";

import { isAPIError } from "better-auth/api";
import { findUserByEmail, type UserSummary } from "@/db/queries/users";
import { auth } from "@/lib/session/auth";
import type { NewUserInput } from "./user-input";

export type CreateUserResult = { ok: true; user: UserSummary } | { ok: false; problem: "email_taken" };

/**
 * Creates a dashboard user with a password through better-auth (which hashes it with scrypt and
 * stores it in `accounts`). Called without request headers, better-auth treats this as a trusted
 * server call; every caller has already checked who asked (the CLI's operator, an admin, a setup link).
 */
export async function createUser(input: NewUserInput): Promise<CreateUserResult> {
  if (await findUserByEmail(input.email)) return { ok: false, problem: "email_taken" };
  try {
    await (await auth()).api.createUser({ body: { email: input.email, name: input.name, password: input.password, role: input.role } });
  } catch (error) {
    // Two requests for the same address at once: the unique index decides, the second one learns here.
    if (isAPIError(error) && (await findUserByEmail(input.email))) return { ok: false, problem: "email_taken" };
    throw error;
  }
  const user = await findUserByEmail(input.email);
  if (!user) throw new Error("the new user could not be read back");
  return { ok: true, user };
}
