import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectEnvelope } from "./fixtures/envelope";
import { audioTooLarge, newRequestId } from "./fixtures/events";
import { bearer, e2eKeys } from "./fixtures/keys";

const good = audioTooLarge();
const bad = audioTooLarge({ request_id: newRequestId(), code: "" });

/** Sends a batch whose second event is invalid, so neither is stored and both land in the trail. */
async function sendRejectedBatch(request: APIRequestContext) {
  const response = await request.post("/api/v1/events", { headers: bearer(e2eKeys().ingest), data: { events: [good, bad] } });
  return expectEnvelope(response, 422, "common.validation_failed");
}

test.beforeAll(async ({ request }) => {
  await sendRejectedBatch(request);
});

test.describe("rejected-ingest trail", () => {
  test("a search for a refused id says when it arrived and why it was rejected", async ({ page }) => {
    await page.goto("/");
    const results = page.getByRole("region", { name: "Results" });
    // The trail is written a quarter second after the refusal: retype until the search sees it.
    await expect(async () => {
      await page.getByLabel("Request id or ticket text").fill("");
      await page.getByLabel("Request id or ticket text").fill(`Customer says ${good.request_id} never showed up`);
      await expect(results.getByText("This id reached Errata at")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    const note = results.getByRole("note");
    await expect(note).toContainText("but was rejected: common.validation_failed (events[1].code: must not be empty)");
    await expect(note).toContainText(`key ${e2eKeys().ingest.slice(0, 12)}…`);
  });

  test("the request page of a refused id says the same", async ({ page }) => {
    await page.goto(`/requests/${bad.request_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`No stored request matches ${bad.request_id}`);
    await expect(page.getByRole("note")).toContainText("This id reached Errata at");
    await expect(page.getByRole("note")).toContainText("common.validation_failed");
  });

  test("admins find the refusal at /settings/ingest, filtered by request id", async ({ page }) => {
    await page.goto("/settings/ingest");
    await expect(page.getByRole("heading", { level: 1, name: "Ingest trail" })).toBeVisible();
    await page.getByLabel("Request id").fill(bad.request_id);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`request_id=${bad.request_id}`));
    const table = page.getByRole("table", { name: "Refused submissions, newest first" });
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(2); // the header row and the refusal
    await expect(rows.nth(1)).toContainText("common.validation_failed");
    await expect(rows.nth(1)).toContainText("events[1].code: must not be empty");
    await expect(rows.nth(1).getByRole("link", { name: good.request_id })).toBeVisible();

    await page.getByLabel("Request id").fill(newRequestId());
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No refused submission matches these filters.")).toBeVisible();
  });
});
