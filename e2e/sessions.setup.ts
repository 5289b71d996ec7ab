import { expect, test as setup } from "@playwright/test";
import { E2E_PASSWORD, E2E_USERS, ensureArtifactsFolder, invite, SESSION_STATE } from "./fixtures/users";

/*
 * Runs before every other spec (the `sessions` project). The admin is the run's first user, made
 * the way a real first admin is: a one-time link from `errata users create`, opened in the
 * browser, where they choose a password and land signed in. The agent is invited the same way.
 */
for (const role of ["admin", "agent"] as const) {
  setup(`${role}: accept the invitation and sign in`, async ({ page }) => {
    await page.goto(invite(E2E_USERS[role], role));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your account");
    await expect(page.getByLabel("E-mail")).toHaveValue(E2E_USERS[role]);
    await page.getByLabel("Name").fill(`E2E ${role}`);
    await page.getByLabel("Password (at least 10 characters)").fill(E2E_PASSWORD);
    await page.getByLabel("Password again").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    ensureArtifactsFolder(SESSION_STATE[role]);
    await page.context().storageState({ path: SESSION_STATE[role] });
  });
}
