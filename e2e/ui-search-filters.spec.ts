import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { axeViolations } from "./fixtures/axe";
import { audioTooLarge, newOrgId, quotaExceeded } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";

// Four events sharing an id stem, so one truncated id lists them all and the filters pick among them.
const stem = `req_flt${randomBytes(6).toString("hex")}`;
const acme = newOrgId();
const service = `svc-${randomBytes(3).toString("hex")}`;
const wanted = audioTooLarge({ request_id: `${stem}01`, org_id: acme, service });
const otherService = audioTooLarge({ request_id: `${stem}02`, org_id: acme, service: `${service}-other` });
const otherStatus = quotaExceeded({ request_id: `${stem}03`, org_id: acme, service });
const otherOrg = audioTooLarge({ request_id: `${stem}04`, org_id: newOrgId(), service });
const all = [wanted, otherService, otherStatus, otherOrg];

test.beforeAll(async ({ request }) => {
  await ingest(request, all);
});

const box = (page: Page) => page.getByLabel("Request id or ticket text");
const results = (page: Page) => page.getByRole("region", { name: "Results" });

async function expectListed(page: Page, shown: typeof all) {
  for (const event of all) {
    const link = results(page).getByRole("link", { name: event.request_id, exact: true });
    if (shown.includes(event)) await expect(link).toBeVisible();
    else await expect(link).toHaveCount(0);
  }
}

test.describe("search filters", () => {
  test("narrow an id search, live in the URL, survive a reload and a shared link, and clear", async ({ page, context }) => {
    await page.goto("/");
    await box(page).fill(`${stem}…`);
    await expectListed(page, all);

    const filters = page.getByRole("region", { name: "Filters" });
    await filters.getByLabel("Organization", { exact: true }).fill(acme);
    await filters.getByLabel("HTTP status", { exact: true }).fill("413");
    await filters.getByLabel("Service", { exact: true }).fill(service);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await filters.getByRole("group", { name: "Time range" }).getByRole("button", { name: "24 h" }).click();

    await expect(page).toHaveURL(/range=24h/);
    const params = new URL(page.url()).searchParams;
    expect(Object.fromEntries(params)).toMatchObject({ q: `${stem}…`, org_id: acme, http_status: "413", service, range: "24h" });
    await expectListed(page, [wanted]);

    await page.reload();
    await expect(box(page)).toHaveValue(`${stem}…`);
    await expect(filters.getByLabel("Organization", { exact: true })).toHaveValue(acme);
    await expect(filters.getByRole("button", { name: "24 h" })).toHaveAttribute("aria-pressed", "true");
    await expectListed(page, [wanted]);

    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(box(shared)).toHaveValue(`${stem}…`);
    await expectListed(shared, [wanted]);
    await shared.close();

    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/org_id=/);
    await expect(filters.getByLabel("Organization", { exact: true })).toHaveValue("");
    await expectListed(page, all);
  });

  test("alone list the events they select, with a custom range in the URL", async ({ page }) => {
    await page.goto(`/?org_id=${acme}`);
    await expectListed(page, [wanted, otherService, otherStatus]);
    await expect(results(page).getByRole("link", { name: "Download CSV" })).toBeVisible();
    expect(await axeViolations(page), "axe violations").toBe("");

    const filters = page.getByRole("region", { name: "Filters" });
    const custom = filters.getByRole("form", { name: "Custom time range" });
    await custom.getByLabel("From").fill("2020-01-01T00:00");
    await custom.getByLabel("To", { exact: true }).fill("2020-01-02T00:00");
    await custom.getByRole("button", { name: "Apply range" }).click();
    await expect(page).toHaveURL(/range=custom/);
    await expect(results(page).getByText("No stored event matches these filters.")).toBeVisible();

    await page.reload();
    await expect(results(page).getByText("No stored event matches these filters.")).toBeVisible();
    await expect(custom.getByLabel("From")).toHaveValue("2020-01-01T00:00");

    await filters.getByRole("button", { name: "Any time" }).click();
    await expect(page).not.toHaveURL(/range=/);
    await expectListed(page, [wanted, otherService, otherStatus]);
  });

  test("say when the filters hide the id that was asked for", async ({ page }) => {
    await page.goto(`/?http_status=500`);
    await box(page).fill(`Customer quotes ${wanted.request_id}`);
    const hidden = results(page).getByRole("note", { name: `Hidden by the filters: ${wanted.request_id}` });
    await expect(hidden).toContainText("Errata has this request, but the filters leave it out");
    expect(await axeViolations(page), "axe violations").toBe("");
    await hidden.getByRole("button", { name: "Clear filters" }).click();
    await expect(results(page).getByText("Exact match")).toBeVisible();
  });
});

test.describe("search box", () => {
  test("marks the part of each id that matched a truncated one", async ({ page }) => {
    await page.goto("/");
    await box(page).fill(`the id started ${stem}0…`);
    const link = results(page).getByRole("link", { name: wanted.request_id, exact: true });
    await expect(link.locator("mark")).toHaveText(`${stem}0`);
  });

  test("/ focuses it from anywhere, and stays a character in other fields", async ({ page }) => {
    await page.goto("/codes");
    await page.getByRole("heading", { level: 1 }).click();
    await page.keyboard.press("/");
    await expect(page).toHaveURL(/\/$/);
    await expect(box(page)).toBeFocused();
    await expect(page.getByText("Press / to search")).toBeVisible();

    await box(page).fill("req_already_typed");
    const organization = page.getByRole("region", { name: "Filters" }).getByLabel("Organization", { exact: true });
    await organization.click();
    await organization.press("/");
    await expect(organization).toHaveValue("/");

    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect(box(page)).toBeFocused();
    await expect(box(page)).toHaveValue("req_already_typed");
    // Selected, so a paste replaces what was there.
    await page.keyboard.type("req_new");
    await expect(box(page)).toHaveValue("req_new");
  });
});
