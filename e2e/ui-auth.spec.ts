import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE_FILE } from "./fixtures/env";
import { createUserWithPassword, E2E_PASSWORD, invite, SESSION_STATE, signIn, SIGNED_OUT } from "./fixtures/users";

const uniqueEmail = (label: string) => `${label}-${randomBytes(3).toString("hex")}@e2e.test`;

/** Ends every session of a user in the database, as time would. */
function expireSessions(email: string): void {
  const db = new Database(E2E_DATABASE_FILE);
  try {
    db.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)").run(Date.now() - 60_000, email);
  } finally {
    db.close();
  }
}

/** The form's own alert; Next.js keeps an empty route announcer with the same role outside <main>. */
const formAlert = (page: Page) => page.getByRole("main").getByRole("alert");

async function expectSignInPage(page: Page) {
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });

  test("a page sends you to sign in and back to it afterwards", async ({ page }) => {
    const email = uniqueEmail("agent");
    createUserWithPassword(email, "agent");
    await page.goto("/orgs?sort=name");
    await expectSignInPage(page);
    expect(new URL(page.url()).searchParams.get("next")).toBe("/orgs?sort=name");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/orgs\?sort=name$/);
    await expect(page.getByRole("heading", { level: 1, name: "Organizations" })).toBeVisible();
  });

  test("a wrong password says so without telling whether the account exists, and repeated failures lock the account", async ({ page }) => {
    const email = uniqueEmail("locked");
    createUserWithPassword(email, "agent");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, email, "not the password at all");
      await expect(formAlert(page)).toHaveText("That e-mail address and password do not match an Errata account.");
    }
    await signIn(page, email, "not the password at all");
    await expect(formAlert(page)).toContainText("Too many failed sign-ins");
    // Locked means locked: the right password is refused too until the window passes.
    await signIn(page, email);
    await expect(formAlert(page)).toContainText("Too many failed sign-ins");
    await signIn(page, uniqueEmail("nobody"), "whatever it is");
    await expect(formAlert(page)).toHaveText("That e-mail address and password do not match an Errata account.");
  });

  test("the first admin is created from a one-time link, which then stops working", async ({ page }) => {
    const email = uniqueEmail("first-admin");
    const link = invite(email, "admin");
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
    await page.getByLabel("Name").fill("Ada Admin");
    await page.getByLabel("Password (at least 10 characters)").fill("short");
    await page.getByLabel("Password again").fill("short");
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await page.getByLabel("Password (at least 10 characters)").fill(E2E_PASSWORD);
    await page.getByLabel("Password again").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.goto("/settings/keys");
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  });
});

test.describe("a session", () => {
  test.use({ storageState: SIGNED_OUT });

  test("ends with sign-out, in the database too: the old cookie opens nothing", async ({ page, browser }) => {
    const email = uniqueEmail("leaver");
    createUserWithPassword(email, "agent");
    await signIn(page, email);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name.includes("session_token"))).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await expectSignInPage(page);
    await page.goto("/spikes");
    await expectSignInPage(page);

    // A copy of the cookie taken before signing out (a stolen one, say) is worthless afterwards.
    const replay = await browser.newContext({ storageState: SIGNED_OUT });
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/spikes");
    await expectSignInPage(replayPage);
    await replay.close();
  });

  test("expires: the next page asks to sign in again", async ({ page }) => {
    const email = uniqueEmail("sleeper");
    createUserWithPassword(email, "agent");
    await signIn(page, email);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expireSessions(email);
    await page.goto("/codes");
    await expectSignInPage(page);
    const api = await page.request.get("/api/v1/codes");
    expect(api.status()).toBe(401);
  });
});

test.describe("as an agent", () => {
  test.use({ storageState: SESSION_STATE.agent });

  test("search and charts are open, admin pages answer 403 and show nothing", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Organizations" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

    for (const path of ["/settings", "/settings/keys", "/settings/ingest", "/settings/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Admins only" })).toBeVisible();
      await expect(page.getByText("erk_")).toHaveCount(0);
    }
  });
});

test.describe("every page", () => {
  test("sends a nonce-based CSP, nosniff and a referrer policy, and refuses cross-site writes", async ({ page, request }) => {
    const response = await page.goto("/");
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

    const forged = await request.post("/sign-in", { headers: { Origin: "https://evil.example" }, form: { email: "x", password: "y" } });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ code: "common.forbidden", details: { reason: "cross_site_request" } });
  });
});
