import { expect, test, type Page } from "@playwright/test";
import { BURST, ingestTraffic, STEADY, type TrafficFixture } from "./fixtures/traffic";

const HOUR_MS = 3_600_000;

let traffic: TrafficFixture;
let orgId: string;

test.beforeAll(async ({ request }) => {
  traffic = await ingestTraffic(request);
  orgId = traffic.orgId;
});

const orgPath = () => `/orgs/${orgId}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function chartCard(page: Page) {
  return page.getByRole("region", { name: "Errors over time" });
}

function legendButton(page: Page, code: string) {
  return page.getByRole("list", { name: "Codes shown in the chart" }).getByRole("button", { name: code, exact: true });
}

function rangeButton(page: Page, label: "24 h" | "7 d" | "30 d") {
  return page.getByRole("group", { name: "Time range" }).getByRole("button", { name: label, exact: true });
}

/** The requests listed on an organization's events page. */
function requestItems(page: Page) {
  return page.getByRole("region", { name: "Requests" }).getByRole("listitem");
}

/** The events page of this organization and code, reached from the chart or a link. */
async function expectEventsOf(page: Page, code: string): Promise<URL> {
  await expect(page).toHaveURL(new RegExp(`/orgs/${escape(orgId)}/events\\?`));
  const url = new URL(page.url());
  expect(url.searchParams.get("code")).toBe(code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  await expect(page.getByText(`Requests of ${orgId}`)).toBeVisible();
  await expect(requestItems(page).first()).toBeVisible();
  for (const item of await requestItems(page).all()) await expect(item).toContainText(code);
  return url;
}

/** Opens the first listed request and checks its page names the code. */
async function openFirstRequest(page: Page, code: string) {
  const link = requestItems(page).first().getByRole("link");
  const requestId = (await link.textContent())?.trim() ?? "";
  expect(requestId).toMatch(/^req_[0-9a-f]{24}$/);
  await link.click();
  await expect(page).toHaveURL(`/requests/${requestId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
}

test.describe("organizations list", () => {
  test("lists the fixture org, filters by its id and opens it", async ({ page }) => {
    await page.goto("/orgs");
    const table = page.getByRole("region", { name: "Organizations", exact: true });
    await expect(table.getByRole("link", { name: orgId, exact: true })).toBeVisible();

    await page.getByLabel("Find an organization").fill(orgId);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${escape(orgId)}`));
    // The header row and the fixture org's row, nothing else.
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toContainText(orgId);

    await table.getByRole("link", { name: orgId, exact: true }).click();
    await expect(page).toHaveURL(orgPath());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgId);
  });
});

test.describe("organization page", () => {
  test("switch range, keep it on reload, hide a code, click a bar, open a request", async ({ page }) => {
    await page.goto(orgPath());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgId);
    await expect(chartCard(page).locator("svg .recharts-bar-rectangle").first()).toBeVisible();
    await expect(chartCard(page).getByText(/Updated \d+ s ago/)).toBeVisible();
    await expect(rangeButton(page, "24 h")).toHaveAttribute("aria-pressed", "true");

    await rangeButton(page, "7 d").click();
    await expect(page).toHaveURL(/[?&]range=7d(&|$)/);
    await expect(rangeButton(page, "7 d")).toHaveAttribute("aria-pressed", "true");
    await expect(rangeButton(page, "24 h")).toHaveAttribute("aria-pressed", "false");

    await page.reload();
    await expect(rangeButton(page, "7 d")).toHaveAttribute("aria-pressed", "true");
    await expect(chartCard(page).locator("svg .recharts-bar-rectangle").first()).toBeVisible();

    const quota = legendButton(page, STEADY.quota.code);
    const revoked = legendButton(page, STEADY.revoked.code);
    await expect(quota).toHaveAttribute("aria-pressed", "true");
    await expect(revoked).toHaveAttribute("aria-pressed", "true");
    // One layer of rectangles per code drawn.
    const series = chartCard(page).locator("svg .recharts-bar-rectangles");
    await expect(series).toHaveCount(2);
    await quota.click();
    await expect(quota).toHaveAttribute("aria-pressed", "false");
    await expect(revoked).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(new RegExp(`[?&]hidden=${escape(STEADY.quota.code)}(&|$)`));
    await expect(page).toHaveURL(/[?&]range=7d(&|$)/);

    await expect(series).toHaveCount(1);

    // Only the other code is drawn now, so any bar opens its events; a middle one is a full hour of history.
    const bars = chartCard(page).locator("svg .recharts-bar-rectangle");
    await expect(bars.first()).toBeVisible();
    const bar = bars.nth(Math.floor((await bars.count()) / 2));
    await bar.hover();
    // The tooltip's exact count: one event every 30 minutes.
    await expect(chartCard(page).getByText("2 events", { exact: true })).toBeVisible();
    await bar.click();

    const url = await expectEventsOf(page, STEADY.revoked.code);
    const from = Date.parse(url.searchParams.get("from") ?? "");
    const to = Date.parse(url.searchParams.get("to") ?? "");
    expect(to - from).toBe(HOUR_MS);
    // One event every 30 minutes: two in each hour of history.
    await expect(requestItems(page)).toHaveCount(2);

    await openFirstRequest(page, STEADY.revoked.code);
  });

  test("a row of the code table opens that code's events over the range", async ({ page }) => {
    await page.goto(orgPath());
    const codes = page.getByRole("region", { name: "Codes in this range" });
    await expect(page.getByRole("region", { name: "HTTP status mix" })).toContainText("401");
    await codes.getByRole("link", { name: STEADY.revoked.code, exact: true }).click();

    const url = await expectEventsOf(page, STEADY.revoked.code);
    const from = Date.parse(url.searchParams.get("from") ?? "");
    const to = Date.parse(url.searchParams.get("to") ?? "");
    // The last 24 hours, widened to whole hour buckets.
    expect(to - from).toBeGreaterThanOrEqual(24 * HOUR_MS);
    expect(to - from).toBeLessThanOrEqual(25 * HOUR_MS);
    expect(to).toBeGreaterThanOrEqual(traffic.now);

    await openFirstRequest(page, STEADY.revoked.code);
  });

  test("a range without events shows the empty state, not an error", async ({ page }) => {
    await page.goto(`${orgPath()}?range=custom&from=2020-01-01T00:00:00.000Z&to=2020-01-02T00:00:00.000Z`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgId);
    await expect(chartCard(page).getByText("No errors from this organization in this range.")).toBeVisible();
    await expect(page.getByText("Custom range shown")).toBeVisible();
    await expect(page.getByText(/could not be loaded|cannot be drawn/)).toHaveCount(0);
    await expect(chartCard(page).locator("svg .recharts-bar-rectangle")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Codes in this range" })).toHaveCount(0);
  });

  test("an unknown organization answers the 404 page", async ({ page }) => {
    const response = await page.goto("/orgs/unknown_org_xyz");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});

test.describe("spikes", () => {
  function fixtureSpike(page: Page) {
    return page.getByRole("region", { name: "Spikes", exact: true }).getByRole("listitem").filter({ hasText: orgId });
  }

  test("shows the fixture's spike and opens its chart", async ({ page }) => {
    await page.goto("/spikes");
    await expect(page.getByRole("group", { name: "Window" }).getByRole("button", { name: "Last hour" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("region", { name: "How spikes are found" })).toContainText("at least 10 events");

    const spike = fixtureSpike(page);
    await expect(spike).toHaveCount(1);
    await expect(spike).toContainText(BURST.code);
    await expect(spike).toContainText(String(BURST.httpStatus));
    await expect(spike).toContainText("in the last hour");
    await expect(spike).toContainText("typical");

    await spike.getByRole("link", { name: "Open chart" }).click();
    await expect(page).toHaveURL(new RegExp(`/orgs/${escape(orgId)}\\?range=custom&`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orgId);
    await expect(page.getByText("Custom range shown")).toBeVisible();
    await expect(chartCard(page).locator("svg .recharts-bar-rectangle").first()).toBeVisible();
    await expect(legendButton(page, BURST.code)).toHaveAttribute("aria-pressed", "true");
  });

  test("\"See requests\" lists the spike's requests", async ({ page }) => {
    await page.goto("/spikes");
    await fixtureSpike(page).getByRole("link", { name: "See requests" }).click();

    await expectEventsOf(page, BURST.code);
    // The burst alone is more than the spike rule's minimum of 10.
    await expect(requestItems(page).nth(9)).toBeVisible();
    await openFirstRequest(page, BURST.code);
  });
});
