import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { E2E_PASSWORD, signIn, SIGNED_OUT } from "./fixtures/users";

async function confirm(page: Page, button: string) {
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("an admin invites an agent, promotes them, and deactivates them, which ends their session", async ({ page, browser }) => {
  // Two browsers, seven sign-ins and page loads and four confirmations: on CI's two loaded cores this
  // journey alone took the whole default 30 s (it timed out at the last confirmation, then on its retry).
  test.slow();
  const email = `invitee-${randomBytes(3).toString("hex")}@e2e.test`;
  await page.goto("/settings");
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("radio", { name: "agent" }).check();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Setup link").inputValue();
  expect(link).toMatch(/\/setup\/est_/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();

  // The invitee accepts in their own browser and is signed in as an agent.
  const invitee = await browser.newContext({ storageState: SIGNED_OUT });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(new URL(link).pathname);
  await inviteePage.getByLabel("Name").fill("Invited Agent");
  await inviteePage.getByLabel("Password (at least 10 characters)").fill(E2E_PASSWORD);
  await inviteePage.getByLabel("Password again").fill(E2E_PASSWORD);
  await inviteePage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(inviteePage.getByText("Invited Agent")).toBeVisible();
  await expect(inviteePage.getByText("· agent")).toBeVisible();

  await page.getByRole("button", { name: "Done — I have sent it" }).click();
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("agent");

  await row.getByRole("button", { name: `Make admin ${email}` }).click();
  await confirm(page, "Make admin");
  await expect(page.getByText(`${email} is now an admin.`)).toBeVisible();
  await inviteePage.goto("/settings/keys");
  await expect(inviteePage.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  await confirm(page, "Deactivate");
  await expect(row).toContainText("deactivated");
  await inviteePage.goto("/");
  await expect(inviteePage).toHaveURL(/\/sign-in/);
  await signIn(inviteePage, email);
  await expect(inviteePage.getByRole("main").getByRole("alert")).toContainText("deactivated");

  await row.getByRole("button", { name: `Reactivate ${email}` }).click();
  await confirm(page, "Reactivate");
  await signIn(inviteePage, email);
  await expect(inviteePage.getByRole("button", { name: "Sign out" })).toBeVisible();
  await invitee.close();
});

test("an admin cannot demote or deactivate themselves", async ({ page }) => {
  await page.goto("/settings/users");
  const own = page.getByRole("row").filter({ hasText: "you" });
  await expect(own).toHaveCount(1);
  await expect(own.getByRole("button", { name: /^Make agent/ })).toHaveCount(0);
  await expect(own.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);
});
