import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { audioTooLarge, newOrgId, quotaExceeded } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { SESSION_STATE } from "./fixtures/users";

/*
 * The support agent's path: a ticket pasted on the search page opens the request, the reply is
 * copied as written, and the context shows what else the organization hit around that moment.
 */

const MINUTE = 60_000;
const orgId = newOrgId();
const at = Date.now() - 2 * MINUTE;

/** The request of the ticket, with internals (service, endpoint) the reply must not repeat. */
const ticketed = audioTooLarge({ org_id: orgId, occurred_at: at, service: "registrations-api", path: "/internal/v2/uploads/commit" });
const fiveMinutesEarlier = quotaExceeded({ org_id: orgId, occurred_at: at - 5 * MINUTE });
const twentyMinutesEarlier = quotaExceeded({ org_id: orgId, occurred_at: at - 20 * MINUTE });
/** Another organization at the same moment: not context for this request. */
const otherOrganization = audioTooLarge({ occurred_at: at - MINUTE });

/** A laptop and a phone (iPhone 12–15), the two widths the dashboard is designed for. */
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** Screenshots are kept outside Playwright's output folder, which each run wipes. */
const SCREENSHOTS = "test-results/screenshots";

test.use({ storageState: SESSION_STATE.agent });

test.beforeAll(async ({ request }) => {
  await ingest(request, [ticketed, fiveMinutesEarlier, twentyMinutesEarlier, otherOrganization]);
});

async function openTicketedRequest(page: Page) {
  await page.goto(`/requests/${ticketed.request_id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("registration.audio_too_large");
}

test("a pasted ticket opens the request, and Copy puts the customer reply on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const ticket = [
    "Hi support,",
    "",
    `my upload failed again this morning with "Audio exceeds the configured maximum" (request id: "${ticketed.request_id.slice(0, 14)}…").`,
    "Can you tell me what to change?",
    "",
    "Thanks, Dana",
  ].join("\n");

  await page.goto("/");
  const searchBox = page.getByLabel("Request id or ticket text");
  await page.evaluate((text) => navigator.clipboard.writeText(text), ticket);
  await searchBox.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(searchBox).toHaveValue(ticket);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(`/requests/${ticketed.request_id}`);

  const headline = page.locator("header p.lede");
  await expect(headline).toContainText("Audio file too large");
  await expect(headline).toContainText(orgId);
  await expect(headline.locator("time")).toHaveAttribute("title", /UTC$/);

  const replyCard = page.getByRole("region", { name: "Reply to the customer" });
  const reply = (await replyCard.locator(".reply").textContent()) ?? "";
  expect(reply).toContain(ticketed.request_id);
  expect(reply).toContain("70 MiB");
  expect(reply).toContain("50 MiB");
  for (const internal of [orgId, "registrations-api", "/internal/v2/uploads/commit"]) expect(reply).not.toContain(internal);

  await replyCard.getByRole("button", { name: /^Copy/ }).click();
  await expect(replyCard.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reply);
});

test("the context lists the organization's error 5 minutes earlier, not the one 20 minutes earlier", async ({ page }) => {
  await openTicketedRequest(page);
  const context = page.getByRole("region", { name: "Context" });
  const around = context.getByRole("list", { name: "Errors of this organization around this request" });

  await expect(around.getByRole("link", { name: fiveMinutesEarlier.request_id })).toHaveAttribute("href", `/requests/${fiveMinutesEarlier.request_id}`);
  await expect(around.getByRole("listitem").filter({ hasText: fiveMinutesEarlier.request_id })).toContainText("5 min before");
  await expect(around.locator('[aria-current="true"]')).toContainText(ticketed.request_id);
  await expect(around).not.toContainText(twentyMinutesEarlier.request_id);
  await expect(around).not.toContainText(otherOrganization.request_id);

  await expect(context).toContainText("1 time for this organization, this request included");
  await expect(context.getByRole("link", { name: "Chart of this code" })).toHaveAttribute("href", new RegExp(`^/orgs/${orgId}\\?range=custom&`));
  // The organization has no history before this test: its codes are new to it, as /spikes lists them.
  await expect(context).toContainText("New for this organization");
});

for (const [name, viewport] of Object.entries(WIDTHS)) {
  test(`screenshot of the request page at ${viewport.width} px (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openTicketedRequest(page);
    await page.waitForLoadState("networkidle");
    // Hydrated: the reader's local time has replaced the server's UTC rendering.
    await expect(page.locator("header p.lede time")).toContainText("ago");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, `request-page-${viewport.width}.png`), fullPage: true });
  });
}
