"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/session/auth";
import { acceptSetupLink, readSetupLink } from "@/lib/users/setup-links";
import { emailField, nameField, passwordField } from "@/lib/users/user-input";

export type SetupField = "email" | "name" | "password" | "confirm";

export interface SetupState {
  error: string | null;
  problems: Partial<Record<SetupField, string>>;
  values: { email: string; name: string };
}

const setupInput = z
  .object({ token: z.string().max(100), email: emailField, name: nameField, password: passwordField, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: "The two passwords differ." });

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The setup page's action: creates the account the link allows (the role is the link's, never the
 * form's), then signs the new user in. The link is single-use; the token is its only credential.
 */
export async function completeSetup(_previous: SetupState, form: FormData): Promise<SetupState> {
  const token = field(form, "token");
  const link = await readSetupLink(token);
  // An invitation fixes the e-mail address; the first-admin link lets the person type theirs.
  const email = link?.email ?? field(form, "email");
  const values = { email, name: field(form, "name") };
  if (!link) return { error: "This setup link was already used or has expired. Ask an admin for a new one.", problems: {}, values };
  const parsed = setupInput.safeParse({ token, email, name: values.name, password: field(form, "password"), confirm: field(form, "confirm") });
  if (!parsed.success) {
    const problems: SetupState["problems"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === "email" || key === "name" || key === "password" || key === "confirm") problems[key] ??= issue.message;
    }
    return { error: null, problems, values };
  }
  const { password, name } = parsed.data;
  const result = await acceptSetupLink(token, { email: parsed.data.email, name, password });
  if (!result.ok) {
    return result.problem === "email_taken"
      ? { error: null, problems: { email: "This address already has an account. Sign in instead." }, values }
      : { error: "This setup link was already used or has expired. Ask an admin for a new one.", problems: {}, values };
  }
  await (await auth()).api.signInEmail({ body: { email: parsed.data.email, password }, headers: await headers() });
  redirect("/");
}
