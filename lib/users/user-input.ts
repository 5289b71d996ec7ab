import { z } from "zod";
import { ROLES } from "@/lib/session/roles";

/** Rules for a new dashboard user, shared by the CLI, the setup page and the users page. */
export const emailField = z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(254);
export const nameField = z.string().trim().min(1, "Enter a name.").max(100, "Use at most 100 characters.");
export const passwordField = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.");
export const roleField = z.enum(ROLES);

export const newUserInput = z.object({ email: emailField, name: nameField, password: passwordField, role: roleField });
export type NewUserInput = z.infer<typeof newUserInput>;
