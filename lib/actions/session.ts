"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clearSignInFailures, recordSignInFailure } from "@/db/queries/sign-in-failures";
import { requestLogger } from "@/lib/request-logger";
import { auth } from "@/lib/session/auth";
import { clientAddressFrom } from "@/lib/session/client-address";
import { safeReturnPath } from "@/lib/session/return-path";
import { checkSignInThrottle } from "@/lib/session/sign-in-throttle";

export interface SignInState {
  /** What the form shows above its fields; never says whether the address has an account. */
  error: string | null;
  email: string;
}

const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(128),
  next: z.string().max(2000).optional(),
});

const WRONG_CREDENTIALS = "That e-mail address and password do not match an Errata account.";

function formatRetry(retryAt: number): string {
  const minutes = Math.max(1, Math.ceil((retryAt - Date.now()) / 60_000));
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The sign-in form's action (`useActionState`): a session cookie and a redirect, or what went wrong. */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") ?? undefined });
  const typedEmail = String(form.get("email") ?? "");
  if (!parsed.success) return { error: "Enter your e-mail address and password.", email: typedEmail };
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const client = clientAddressFrom(requestHeaders);
  const throttle = await checkSignInThrottle(email, client);
  if (!throttle.allowed) {
    (await requestLogger()).warn({ client }, "sign-in refused: too many failures");
    return { error: formatRetry(throttle.retryAt), email };
  }
  try {
    await (await auth()).api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    await recordSignInFailure(email, client, Date.now());
    (await requestLogger()).info({ client, reason: error.body?.code }, "sign-in failed");
    return { error: error.body?.code === "BANNED_USER" ? "This account is deactivated. Ask an Errata admin." : WRONG_CREDENTIALS, email };
  }
  await clearSignInFailures(email);
  redirect(safeReturnPath(next));
}

/** Ends the session in the database (not only the cookie) and returns to the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    await (await auth()).api.signOut({ headers: await headers() });
  } catch (error) {
    // Signing out without a session (an expired one, a second tab) is already done.
    if (!isAPIError(error)) throw error;
  }
  redirect("/sign-in");
}
