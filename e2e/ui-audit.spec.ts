import { expect, test } from "@playwright/test";
import { audioTooLarge, newRequestId } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { bearer, e2eKeys } from "./fixtures/keys";
import { E2E_USERS, SESSION_STATE } from "./fixtures/users";

test("an admin sees who viewed which request, by page and by API, and filters by user and request id", async ({ page, browser, request }) => {
  const stored = audioTooLarge({ request_id: newRequestId() });
  await ingest(request, [stored]);
  const unknownId = newRequestId();

  // The agent opens the stored request and an unknown one on the dashboard.
  const agent = await browser.newContext({ storageState: SESSION_STATE.agent });
  const agentPage = await agent.newPage();
  await agentPage.goto(`/requests/${stored.request_id}`);
  await expect(agentPage.getByRole("heading", { level: 1 })).toBeVisible();
  await agentPage.goto(`/requests/${unknownId}`);
  await agent.close();
  // A script reads the stored one through the API with the read key.
  expect((await request.get(`/api/v1/events/${stored.request_id}`, { headers: bearer(e2eKeys().read) })).status()).toBe(200);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  await page.getByLabel("Request id starts with").fill(stored.request_id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`request_id=${stored.request_id}`));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3); // header + the agent's page view + the key's API read
  await expect(rows.nth(1)).toContainText("e2e-read");
  await expect(rows.nth(1)).toContainText("API");
  await expect(rows.nth(2)).toContainText(E2E_USERS.agent);
  await expect(rows.nth(2)).toContainText("Dashboard");

  await page.getByLabel("Request id starts with").fill(unknownId);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Not stored");

  await page.getByLabel("Request id starts with").fill("");
  await page.getByLabel("User").selectOption({ label: E2E_USERS.agent });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=/);
  for (const row of await rows.all()) {
    if ((await row.getByRole("cell").count()) > 0) await expect(row).toContainText(E2E_USERS.agent);
  }
});
