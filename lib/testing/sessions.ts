import { auth } from "@/lib/session/auth";
import type { Role } from "@/lib/session/roles";
import { createUser } from "@/lib/users/create-user";

export const TEST_PASSWORD = "a long test password";

let counter = 0;

/**
 * Creates a user with `role` in the current test database, signs them in through better-auth and
 * returns request headers carrying the session cookie, as a browser would send them.
 */
export async function signedInHeaders(role: Role, email = `${role}-${++counter}@example.com`): Promise<Headers> {
  const created = await createUser({ email, name: `${role} ${counter}`, password: TEST_PASSWORD, role });
  if (!created.ok) throw new Error(`could not create ${email}`);
  const response = await (await auth()).api.signInEmail({ body: { email, password: TEST_PASSWORD }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("sign-in set no cookie");
  return new Headers({ cookie });
}
