import fs from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { audioTooLarge, newOrgId, quotaExceeded } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";

const orgId = newOrgId();
// A message that must come out quoted, and one a spreadsheet would run as a formula.
const quoted = audioTooLarge({ org_id: orgId, message: 'Audio is 70 MiB, "too large"', occurred_at: Date.now() - 60_000 });
const formula = quotaExceeded({ org_id: orgId, message: "=HYPERLINK(\"https://evil.example\")", occurred_at: Date.now() - 30_000 });
const otherOrg = audioTooLarge();

const HEADER = "request_id,org_id,code,http_status,message,details,occurred_at,received_at,service,method,path,environment,catalog_flag";

test.beforeAll(async ({ request }) => {
  await ingest(request, [quoted, formula, otherOrg]);
});

async function download(page: Page, name: "Download CSV" | "Download NDJSON"): Promise<{ file: Download; text: string }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name }).first().click();
  const file = await started;
  return { file, text: await fs.readFile(await file.path(), "utf8") };
}

test.describe("export", () => {
  test("the search's filtered list downloads as CSV: header row, quoted fields, formulas neutralised", async ({ page }) => {
    await page.goto(`/?org_id=${orgId}`);
    await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: formula.request_id })).toBeVisible();

    const { file, text } = await download(page, "Download CSV");
    expect(file.suggestedFilename()).toMatch(new RegExp(`^errata-events-${orgId}-\\d{8}T\\d{6}Z\\.csv$`));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(new RegExp(`^${formula.request_id},${orgId},common\\.quota_exceeded,429,"'=HYPERLINK\\(""https://evil\\.example""\\)",`));
    expect(lines[2]).toMatch(new RegExp(`^${quoted.request_id},${orgId},registration\\.audio_too_large,413,"Audio is 70 MiB, ""too large""",`));
    expect(text).not.toContain(otherOrg.request_id);
  });

  test("text search results download as NDJSON in the API's event shape", async ({ page }) => {
    await page.goto(`/?org_id=${orgId}`);
    await page.getByLabel("Request id or ticket text").fill("too large");
    const results = page.getByRole("region", { name: "Results" });
    await expect(results.getByText("these events mention it in their code or message")).toBeVisible();
    await expect(results.getByRole("link", { name: quoted.request_id })).toBeVisible();
    await expect(results.getByRole("link", { name: formula.request_id })).toHaveCount(0);

    const { file, text } = await download(page, "Download NDJSON");
    expect(file.suggestedFilename()).toMatch(/\.ndjson$/);
    const events = text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toEqual([
      expect.objectContaining({ request_id: quoted.request_id, org_id: orgId, http_status: 413, message: quoted.message, details: quoted.details }),
    ]);
  });

  test("an organization's event list downloads with its filters", async ({ page }) => {
    await page.goto(`/orgs/${orgId}/events?code=registration.audio_too_large`);
    const { text } = await download(page, "Download CSV");
    const rows = text.split("\r\n").filter(Boolean);
    expect(rows[0]).toBe(HEADER);
    expect(rows.slice(1).map((row) => row.split(",")[0])).toEqual([quoted.request_id]);
  });
});
