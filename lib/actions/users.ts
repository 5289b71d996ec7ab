"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { requireActionUser } from "@/lib/session/action-guard";
import { roleField, emailField } from "@/lib/users/user-input";
import { LOCKOUT_MESSAGES, type UserChange } from "@/lib/users/admin-lockout";
import { inviteUser, type Invitation } from "@/lib/users/invite-user";
import { changeUser, listManagedUsers, type ManagedUser } from "@/lib/users/manage-users";

// Server actions are public endpoints: each one checks for an admin session before anything else.

export type { ManagedUser, Invitation };

export async function loadUsers(): Promise<ManagedUser[]> {
  const actor = await requireActionUser("admin");
  return listManagedUsers(actor);
}

const invitationInput = z.object({ email: emailField, role: roleField });
export type InvitationInput = z.input<typeof invitationInput>;
export type InvitationField = keyof InvitationInput;

export type CreateInvitationResult = { ok: true; invitation: Invitation } | { ok: false; problems: Partial<Record<InvitationField, string>> };

/**
 * Makes a one-time setup link for a new person. Form mistakes, and an address that already has an
 * account, come back as `problems`. The link is in this one response only.
 */
export async function createInvitation(input: unknown): Promise<CreateInvitationResult> {
  const actor = await requireActionUser("admin");
  const parsed = invitationInput.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    const problems = { email: fieldErrors.email?.[0], role: fieldErrors.role?.[0] };
    return { ok: false, problems: problems.email || problems.role ? problems : { email: "The form could not be read." } };
  }
  const { email, role } = parsed.data;
  const result = await inviteUser(actor, email, role);
  if (!result.ok) return { ok: false, problems: { email: `${email} already has an account. Find them in the list below.` } };
  return result;
}

const userChangeInput = z.object({
  userId: z.string().min(1).max(100),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("set_role"), role: roleField }),
    z.object({ kind: z.literal("deactivate") }),
    z.object({ kind: z.literal("reactivate") }),
    z.object({ kind: z.literal("sign_out_everywhere") }),
  ]) satisfies z.ZodType<UserChange>,
});
export type UserChangeInput = z.infer<typeof userChangeInput>;

export type ApplyUserChangeResult = { ok: true } | { ok: false; message: string };

const NOT_FOUND = "This user no longer exists. Reload the page.";

/**
 * Changes a user's role, deactivates or reactivates them, or ends all their sessions. Refusals
 * (the admin lockout rule, a vanished user, an unreadable request) come back as a readable message.
 */
export async function applyUserChange(input: unknown): Promise<ApplyUserChangeResult> {
  const actor = await requireActionUser("admin");
  const parsed = userChangeInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "The request could not be read. Reload the page and try again." };
  const result = await changeUser(actor, parsed.data.userId, parsed.data.change, await headers());
  if (result.ok) return result;
  return { ok: false, message: result.problem === "not_found" ? NOT_FOUND : LOCKOUT_MESSAGES[result.problem] };
}
