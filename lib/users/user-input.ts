import { z } from "zod";
import { ROLES } from "@/lib/session/roles";

/** Rules for a new dashboard user, shared by the CLI, the setup page and the users page. */
export const emailField = z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254);
export const nameField = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");
/** The password rule, also handed to better-auth (lib/session/auth.ts) so both enforce the same one. */
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

export const passwordField = z
  .string()
  .min(PASSWORD_LENGTH.min, `Use at least ${PASSWORD_LENGTH.min} characters.`)
  .max(PASSWORD_LENGTH.max, `Use at most ${PASSWORD_LENGTH.max} characters.`);
export const roleField = z.enum(ROLES);

export const newUserInput = z.object({ email: emailField, name: nameField, password: passwordField, role: roleField });
export type NewUserInput = z.infer<typeof newUserInput>;
