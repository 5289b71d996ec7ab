import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/session/auth";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { signInPath } from "./current-user";
import { sessionUserFrom } from "./session-user";

const database = setupFreshDatabasePerTest();

describe("sessionUserFrom", () => {
  it("resolves a session cookie to its user and role", async () => {
    const headers = await signedInHeaders("admin", "ada@example.com");
    expect(await sessionUserFrom(headers)).toMatchObject({ kind: "user", email: "ada@example.com", role: "admin" });
  });

  it("returns null without a cookie, with a forged one, after expiry and after sign-out", async () => {
    expect(await sessionUserFrom(new Headers())).toBeNull();
    expect(await sessionUserFrom(new Headers({ cookie: "errata.session_token=forged.value" }))).toBeNull();

    const expiring = await signedInHeaders("agent");
    await database.db.update(database.t.sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(await sessionUserFrom(expiring)).toBeNull();

    const signedOut = await signedInHeaders("agent");
    expect(await sessionUserFrom(signedOut)).not.toBeNull();
    await (await auth()).api.signOut({ headers: signedOut });
    expect(await sessionUserFrom(signedOut)).toBeNull();
  });

  it("refuses a deactivated user's session", async () => {
    const headers = await signedInHeaders("agent", "bo@example.com");
    await database.db.update(database.t.users).set({ banned: true }).where(eq(database.t.users.email, "bo@example.com"));
    expect(await sessionUserFrom(headers)).toBeNull();
  });
});

describe("signInPath", () => {
  it("returns to the page asked for, never off the site", () => {
    expect(signInPath("/orgs/org_1?range=7d")).toBe("/sign-in?next=%2Forgs%2Forg_1%3Frange%3D7d");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath(null)).toBe("/sign-in");
    expect(signInPath("//evil.example/x")).toBe("/sign-in");
    expect(signInPath("https://evil.example")).toBe("/sign-in");
    expect(signInPath("/\\evil.example")).toBe("/sign-in");
  });
});
