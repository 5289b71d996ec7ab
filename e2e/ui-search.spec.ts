import { expect, test, type Page } from "@playwright/test";
import { audioTooLarge, newRequestId, quotaExceeded, unknownCode } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";

const tooLarge = audioTooLarge();
const quota = quotaExceeded();
const uncatalogued = unknownCode();

test.beforeAll(async ({ request }) => {
  await ingest(request, [tooLarge, quota, uncatalogued]);
});

/** `req_` and the first 10 characters after it, cut short the way tickets quote ids. */
function truncated(requestId: string): string {
  return `${requestId.slice(0, "req_".length + 10)}…`;
}

async function searchFor(page: Page, text: string) {
  await page.goto("/");
  await page.getByLabel("Request id or ticket text").fill(text);
}

test.describe("search", () => {
  test("a whole ticket with one truncated id opens that request", async ({ page }) => {
    await searchFor(page, `Hi, I got an error uploading. Request id: ${truncated(tooLarge.request_id)} thanks`);
    await page.getByRole("button", { name: "Find" }).click();

    await expect(page).toHaveURL(`/requests/${tooLarge.request_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("registration.audio_too_large");
  });

  test("Enter searches too", async ({ page }) => {
    await searchFor(page, `request ${truncated(quota.request_id)} failed again`);
    await page.getByLabel("Request id or ticket text").press("Enter");

    await expect(page).toHaveURL(`/requests/${quota.request_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("common.quota_exceeded");
  });

  test("a ticket with two stored ids lists both as links", async ({ page }) => {
    await searchFor(page, `First ${tooLarge.request_id}, then ${quota.request_id} a minute later.`);
    await page.getByRole("button", { name: "Find" }).click();

    const results = page.getByRole("region", { name: "Results" });
    await expect(results.getByRole("link", { name: tooLarge.request_id })).toHaveAttribute("href", `/requests/${tooLarge.request_id}`);
    await expect(results.getByRole("link", { name: quota.request_id })).toHaveAttribute("href", `/requests/${quota.request_id}`);
  });

  test("a ticket with an unknown id says nothing matches", async ({ page }) => {
    await searchFor(page, `Support ticket: the upload failed with ${newRequestId()}. Please help.`);
    await page.getByRole("button", { name: "Find" }).click();

    await expect(page.getByText("No stored request matches")).toBeVisible();
  });
});

test.describe("request page", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("explains the event with its own values and offers a reply to copy", async ({ page }) => {
    await page.goto(`/requests/${tooLarge.request_id}`);

    await expect(page.getByRole("heading", { level: 1 })).toContainText("registration.audio_too_large");
    await expect(page.getByText("70 MiB").first()).toBeVisible();
    await expect(page.getByText("50 MiB").first()).toBeVisible();
    await expect(page.getByText(tooLarge.org_id).first()).toBeVisible();

    const reply = page.getByRole("region", { name: "Reply to the customer" });
    await expect(reply).toContainText("50 MiB");
    await reply.getByRole("button", { name: "Copy reply" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain("50 MiB");

    const envelope = page.getByRole("region", { name: /^Envelope/ });
    await expect(envelope).toContainText(`"request_id": "${tooLarge.request_id}"`);
    await expect(envelope).toContainText(`"code": "registration.audio_too_large"`);
  });

  test("an event whose code the catalog lacks says so", async ({ page }) => {
    await page.goto(`/requests/${uncatalogued.request_id}`);

    await expect(page.getByRole("heading", { level: 1 })).toContainText("upload.checksum_mismatch");
    await expect(page.getByText("Not in the catalog").first()).toBeVisible();
  });
});
