import { beforeEach, describe, expect, it, vi } from "vitest";
import { findUserByEmail } from "@/db/queries/users";
import { ActionRefused } from "@/lib/session/action-guard";
import { auth } from "@/lib/session/auth";
import { sessionUserFrom } from "@/lib/session/session-user";
import { setRequestHeaders } from "@/lib/testing/request-headers";
import { signedInHeaders, TEST_PASSWORD } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { LOCKOUT_MESSAGES } from "@/lib/users/admin-lockout";
import { acceptSetupLink, readSetupLink, SETUP_LINK_TTL_MS } from "@/lib/users/setup-links";
import { applyUserChange, createInvitation, loadUsers, type UserChangeInput } from "./users";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

setupFreshDatabasePerTest();

const ADMIN = "ada@example.com";

beforeEach(async () => {
  setRequestHeaders(await signedInHeaders("admin", ADMIN));
});

async function idOf(email: string): Promise<string> {
  const user = await findUserByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

const change = async (email: string, what: UserChangeInput["change"]): Promise<UserChangeInput> => ({ userId: await idOf(email), change: what });

/** A fresh sign-in with the test password; rejects for a deactivated user. */
const signIn = async (email: string) => (await auth()).api.signInEmail({ body: { email, password: TEST_PASSWORD } });

describe("invitations", () => {
  it("returns a one-time link that makes an account with the chosen role, once", async () => {
    const before = Date.now();
    const result = await createInvitation({ email: " Bo@Example.com ", role: "admin" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { invitation } = result;
    expect(invitation).toMatchObject({ email: "bo@example.com", role: "admin", validForHours: 72 });
    expect(invitation.url).toMatch(/\/setup\/est_[A-Za-z0-9_-]{43}$/);
    expect(invitation.expiresAt).toBeGreaterThanOrEqual(before + SETUP_LINK_TTL_MS);

    const accepted = await acceptSetupLink(tokenOf(invitation.url), { email: "bo@example.com", name: "Bo", password: TEST_PASSWORD });
    expect(accepted).toMatchObject({ ok: true, user: { email: "bo@example.com", role: "admin", deactivated: false } });
    expect(await createInvitation({ email: "bo@example.com", role: "agent" })).toEqual({
      ok: false,
      problems: { email: "bo@example.com already has an account. Find them in the list below." },
    });
  });

  it("replaces the earlier link when the same address is invited again", async () => {
    const first = await createInvitation({ email: "cy@example.com", role: "agent" });
    const second = await createInvitation({ email: "cy@example.com", role: "agent" });
    if (!first.ok || !second.ok) throw new Error("expected two invitations");
    expect(await readSetupLink(tokenOf(first.invitation.url))).toBeNull();
    expect(await readSetupLink(tokenOf(second.invitation.url))).toMatchObject({ email: "cy@example.com", role: "agent" });
  });

  it.each([
    [{ email: "not an address", role: "agent" }, { email: "Enter a valid e-mail address." }],
    [{ email: "di@example.com", role: "owner" }, { role: expect.any(String) }],
    ["not an object", { email: "The form could not be read." }],
  ])("returns problems for a bad form instead of a link (%#)", async (bad, problems) => {
    expect(await createInvitation(bad)).toEqual({ ok: false, problems });
  });
});

describe("changes to users", () => {
  it("lists everyone with their sessions, and protects the viewer's own admin access", async () => {
    await signedInHeaders("agent", "bo@example.com");
    const users = await loadUsers();
    expect(users.map((user) => [user.email, user.role, user.isYou, user.lockout, user.activeSessions])).toEqual([
      [ADMIN, "admin", true, "self", 1],
      ["bo@example.com", "agent", false, null, 1],
    ]);
    expect(users[1]?.lastSignedInAt).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(users)).not.toMatch(/password|token/i);
  });

  it("changes a role, which the user's session sees on its next request", async () => {
    const bo = await signedInHeaders("agent", "bo@example.com");
    expect(await applyUserChange(await change("bo@example.com", { kind: "set_role", role: "admin" }))).toEqual({ ok: true });
    expect(await sessionUserFrom(bo)).toMatchObject({ email: "bo@example.com", role: "admin" });
    expect(await applyUserChange(await change("bo@example.com", { kind: "set_role", role: "agent" }))).toEqual({ ok: true });
    expect(await sessionUserFrom(bo)).toMatchObject({ role: "agent" });
  });

  it("deactivating ends the user's sessions and blocks sign-in; reactivating allows it again", async () => {
    const bo = await signedInHeaders("admin", "bo@example.com");
    expect(await applyUserChange(await change("bo@example.com", { kind: "deactivate" }))).toEqual({ ok: true });
    expect(await sessionUserFrom(bo)).toBeNull();
    await expect(signIn("bo@example.com")).rejects.toMatchObject({ body: { code: "BANNED_USER" } });
    expect((await loadUsers())[1]).toMatchObject({ email: "bo@example.com", deactivated: true, activeSessions: 0, lockout: null });

    expect(await applyUserChange(await change("bo@example.com", { kind: "reactivate" }))).toEqual({ ok: true });
    expect(await sessionUserFrom(bo)).toBeNull();
    await expect(signIn("bo@example.com")).resolves.toMatchObject({ user: { email: "bo@example.com" } });
    expect(await findUserByEmail("bo@example.com")).toMatchObject({ role: "admin", deactivated: false });
  });

  it("signs a user out everywhere without stopping them from signing in again", async () => {
    const bo = await signedInHeaders("agent", "bo@example.com");
    expect(await applyUserChange(await change("bo@example.com", { kind: "sign_out_everywhere" }))).toEqual({ ok: true });
    expect(await sessionUserFrom(bo)).toBeNull();
    await expect(signIn("bo@example.com")).resolves.toMatchObject({ user: { email: "bo@example.com" } });
  });

  it("refuses to let admins demote or deactivate themselves, with a readable message", async () => {
    await signedInHeaders("admin", "bo@example.com");
    for (const what of [{ kind: "set_role", role: "agent" }, { kind: "deactivate" }] as const) {
      expect(await applyUserChange(await change(ADMIN, what))).toEqual({ ok: false, message: LOCKOUT_MESSAGES.self });
    }
    expect(await findUserByEmail(ADMIN)).toMatchObject({ role: "admin", deactivated: false });
  });

  it("answers an unknown user or an unreadable request with a message", async () => {
    expect(await applyUserChange({ userId: "no-such-user", change: { kind: "deactivate" } })).toEqual({
      ok: false,
      message: "This user no longer exists. Reload the page.",
    });
    for (const bad of [{ userId: await idOf(ADMIN), change: { kind: "delete" } }, { userId: "", change: { kind: "reactivate" } }, null]) {
      expect(await applyUserChange(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/could not be read/) });
    }
  });

  it("refuses agents before changing anything", async () => {
    const agent = await signedInHeaders("agent", "bo@example.com");
    setRequestHeaders(agent);
    await expect(applyUserChange(await change(ADMIN, { kind: "deactivate" }))).rejects.toBeInstanceOf(ActionRefused);
    await expect(applyUserChange(await change("bo@example.com", { kind: "set_role", role: "admin" }))).rejects.toMatchObject({ reason: "forbidden" });
    await expect(createInvitation({ email: "eve@example.com", role: "admin" })).rejects.toMatchObject({ reason: "forbidden" });
    await expect(loadUsers()).rejects.toMatchObject({ reason: "forbidden" });
    expect(await findUserByEmail(ADMIN)).toMatchObject({ role: "admin", deactivated: false });
    expect(await findUserByEmail("bo@example.com")).toMatchObject({ role: "agent" });
  });
});
