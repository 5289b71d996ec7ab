import { expect, test, type Page } from "@playwright/test";
import { audioTooLarge } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";

/*
 * The catalog pages (issue 6, item 3): /codes grouped by family and filtered as you type, the
 * filter kept in the URL; /codes/{code} with everything an agent needs to answer about one code.
 */

const FAMILIES = ["API keys", "Registration", "Common", "Errata authentication", "Errata ingest"];

function familyRegion(page: Page, name: string) {
  return page.getByRole("region", { name: new RegExp(`^${name}\\b`) });
}

function codeLink(page: Page, code: string) {
  return page.getByRole("link", { name: code, exact: true });
}

test.describe("/codes", () => {
  test("lists every family with its codes and their HTTP status, Errata's own marked", async ({ page }) => {
    await page.goto("/codes");
    for (const family of FAMILIES) await expect(familyRegion(page, family)).toBeVisible();

    const quotaRow = familyRegion(page, "Common").getByRole("row").filter({ has: codeLink(page, "common.quota_exceeded") });
    await expect(quotaRow.getByRole("cell").first()).toHaveText("429");
    const internalRow = familyRegion(page, "Common").getByRole("row").filter({ has: codeLink(page, "common.internal") });
    await expect(internalRow).toContainText("Errata's own");
    await expect(familyRegion(page, "Errata authentication").getByRole("row").filter({ has: codeLink(page, "auth.key_revoked") })).toContainText("Errata's own");
    await expect(familyRegion(page, "Registration").getByText("Errata's own")).toHaveCount(0);
  });

  test("filters as you type, by code, words or status, and keeps the filter in the URL", async ({ page }) => {
    await page.goto("/codes");
    const search = page.getByRole("searchbox", { name: "Find a code" });

    await search.fill("quota");
    await expect(codeLink(page, "common.quota_exceeded")).toBeVisible();
    await expect(codeLink(page, "registration.audio_too_large")).toHaveCount(0);
    await expect(familyRegion(page, "Registration")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: /^\d+ of \d+ codes$/ })).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=quota\b/);

    await search.fill("413");
    await expect(codeLink(page, "registration.audio_too_large")).toBeVisible();
    await expect(codeLink(page, "common.quota_exceeded")).toHaveCount(0);

    await search.fill("revoked 401");
    await expect(codeLink(page, "api_key.revoked")).toBeVisible();
    await expect(codeLink(page, "auth.key_revoked")).toBeVisible();
    await expect(familyRegion(page, "API keys")).toBeVisible();
    await expect(familyRegion(page, "Errata authentication")).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=revoked(\+|%20)401\b/);

    // A shared link reproduces the filtered list.
    await page.reload();
    await expect(search).toHaveValue("revoked 401");
    await expect(codeLink(page, "auth.key_revoked")).toBeVisible();
    await expect(codeLink(page, "common.quota_exceeded")).toHaveCount(0);
  });

  test("shows only Errata's own codes on request, and says what to try when nothing matches", async ({ page }) => {
    await page.goto("/codes");
    await page.getByRole("button", { name: "Errata's own" }).click();
    await expect(page).toHaveURL(/[?&]origin=errata\b/);
    await expect(codeLink(page, "auth.key_invalid")).toBeVisible();
    await expect(codeLink(page, "common.internal")).toBeVisible();
    await expect(familyRegion(page, "Registration")).toHaveCount(0);

    await page.getByRole("searchbox", { name: "Find a code" }).fill("no such thing");
    await expect(page.getByRole("heading", { name: "No code matches “no such thing”" })).toBeVisible();
    await page.getByRole("button", { name: "Show every code" }).click();
    for (const family of FAMILIES) await expect(familyRegion(page, family)).toBeVisible();
    await expect(page).toHaveURL(/\/codes$/);
  });

  test("each code links to its page", async ({ page }) => {
    await page.goto("/codes?q=audio_too_large");
    await codeLink(page, "registration.audio_too_large").click();
    await expect(page).toHaveURL("/codes/registration.audio_too_large");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("registration.audio_too_large");
  });
});

test.describe("/codes/{code}", () => {
  const event = audioTooLarge();

  test.beforeAll(async ({ request }) => {
    await ingest(request, [event]);
  });

  test("teaches the code: meaning, details fields, causes, reply, checks, retry, occurrences, organizations", async ({ page }) => {
    await page.goto(`/codes/${event.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(event.code);
    await expect(page.locator("header .lede")).toContainText("Audio exceeds the configured max");

    const details = page.getByRole("region", { name: "Details fields" });
    for (const [field, type] of [["details.size_bytes", "integer (bytes)"], ["details.max_bytes", "integer (bytes)"]] as const) {
      const row = details.getByRole("row").filter({ hasText: field });
      await expect(row.getByRole("cell").nth(1)).toHaveText(type);
    }
    for (const list of ["Likely causes", "Engineer checklist"]) {
      await expect(page.getByRole("region", { name: list }).getByRole("listitem").first()).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Retrying" })).toContainText(/retry/i);
    const reply = page.getByRole("region", { name: "Reply to the customer" });
    await expect(reply.getByRole("button", { name: /Copy/ })).toBeVisible();
    await expect(reply.getByRole("paragraph")).not.toBeEmpty();

    const recent = page.getByRole("region", { name: "Recent occurrences" });
    const request = recent.getByRole("link", { name: event.request_id });
    await expect(request).toHaveAttribute("href", `/requests/${event.request_id}`);
    await expect(recent.getByRole("link", { name: event.org_id })).toBeVisible();
    await expect(recent.getByRole("link", { name: "All requests with this code" })).toHaveAttribute("href", `/?code=${event.code}`);

    const orgs = page.getByRole("region", { name: "Organizations affected" });
    await expect(orgs.getByRole("link", { name: event.org_id, exact: true })).toHaveAttribute("href", `/orgs/${event.org_id}?range=30d`);
    await expect(page.getByRole("region", { name: "Occurrences, last 30 days" })).toBeVisible();

    await request.click();
    await expect(page).toHaveURL(`/requests/${event.request_id}`);
  });

  test("its requests open in the search, filtered to the code", async ({ page }) => {
    await page.goto(`/codes/${event.code}`);
    await page.getByRole("link", { name: "All requests with this code" }).click();
    await expect(page).toHaveURL(`/?code=${event.code}`);
    await expect(page.getByRole("link", { name: event.request_id })).toBeVisible();
  });

  test("a code without details fields says so", async ({ page }) => {
    await page.goto("/codes/common.unauthorized");
    await expect(page.getByRole("region", { name: "Details fields" })).toContainText("documents no details fields");
  });

  test("an unknown code answers the 404 page", async ({ page }) => {
    const response = await page.goto("/codes/registration.no_such_code");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
