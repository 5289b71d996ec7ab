import { expect, test } from "@playwright/test";
import { axeViolations } from "./fixtures/axe";
import { audioTooLarge } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { errataCli, SESSION_STATE } from "./fixtures/users";

/*
 * A request older than the retention (ERRATA_RETENTION_DAYS, 90 days by default): its event is
 * deleted, and its page and the search say so, with what the request was, instead of "not found".
 */

const DAY = 24 * 3_600_000;
// 100 days ago, 7 seconds into a minute: the page shows seconds only when they are not zero.
const old = audioTooLarge({ occurred_at: Math.floor((Date.now() - 100 * DAY) / 60_000) * 60_000 + 7_000 });

test.use({ storageState: SESSION_STATE.agent });

test.beforeAll(async ({ request }) => {
  await ingest(request, [old]);
  // One pass now, as the server's job would run within the minute: the CLI prunes the same database.
  const output = errataCli(["retention", "run"]);
  expect(output).toMatch(/^Deleted [1-9][\d,]* events that occurred before /);
});

const today = () => new Date().toISOString().slice(0, 10);

test("the page of a pruned id says the retention deleted it, what it was, and links its code and organization", async ({ page }) => {
  await page.goto(`/requests/${old.request_id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${old.request_id} is no longer stored`);
  const note = page.getByRole("note", { name: `Deleted by the retention: ${old.request_id}` });
  const occurred = new Date(old.occurred_at as number).toISOString();
  await expect(note).toHaveText(
    `This request was deleted by the 90-day retention on ${today()}. It was a 413 registration.audio_too_large for ${old.org_id} at ` +
      `${occurred.slice(0, 10)} ${occurred.slice(11, 19)} UTC; it still counts in the charts.`,
  );
  await expect(note.getByRole("link", { name: old.org_id })).toHaveAttribute("href", `/orgs/${old.org_id}`);
  expect(await axeViolations(page), "axe violations").toBe("");
  await note.getByRole("link", { name: "registration.audio_too_large" }).click();
  await expect(page).toHaveURL("/codes/registration.audio_too_large");
});

test("searching a pruned id says it was deleted by the retention, not that it is unknown", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Request id or ticket text").fill(`my upload failed, request id ${old.request_id}`);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("note", { name: `Deleted by the retention: ${old.request_id}` })).toContainText(
    "This request was deleted by the 90-day retention on",
  );
  await expect(results.getByText("No stored request matches")).toHaveCount(0);
  await expect(results.getByText(/keeps events for 90 days/)).toBeVisible();
});
