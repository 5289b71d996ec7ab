import { expect, test, type Page } from "@playwright/test";
import { testEachMainPage, VIEWPORTS } from "./fixtures/main-pages";

/*
 * The layout at both designed widths and from the keyboard (issue 6, item 5): no page scrolls
 * sideways on a phone; Tab reaches the skip link, the navigation and the page's controls, each
 * with a visible focus ring; dialogs keep focus and hand it back.
 */

test.describe("390 px phone width", () => {
  test.use({ viewport: VIEWPORTS.phone });

  testEachMainPage("does not scroll sideways", async (page, path) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  });
});

/** What has keyboard focus: its accessible-ish name, where it sits, and whether a focus ring is drawn. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: "(body)", inMain: false, inDialog: false, ring: false };
    const label = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null;
    const style = getComputedStyle(element);
    return {
      name: (element.getAttribute("aria-label") ?? label ?? element.textContent ?? "").trim().replace(/\s+/g, " "),
      inMain: Boolean(element.closest("main")),
      inDialog: Boolean(element.closest("dialog")),
      ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    };
  });
}

async function tabThrough(page: Page, presses: number) {
  const stops: Awaited<ReturnType<typeof focused>>[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    stops.push(await focused(page));
  }
  return stops;
}

const NAV = ["Search", "Organizations", "Spikes", "Codes", "Settings"];

test.describe("keyboard", () => {
  for (const viewport of Object.values(VIEWPORTS)) {
    test(`Tab goes skip link → navigation → page controls, each with a visible focus ring (${viewport.width} px)`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/codes");
      await expect(page.getByRole("searchbox", { name: "Find a code" })).toBeVisible();
      const stops = await tabThrough(page, 16);
      const names = stops.map((stop) => stop.name);

      expect(names[0]).toBe("Skip to content");
      const navAt = NAV.map((label) => names.indexOf(label));
      expect(navAt.every((at) => at > 0), `navigation reached: ${names.join(" | ")}`).toBe(true);
      expect([...navAt].sort((a, b) => a - b), "navigation in order").toEqual(navAt);
      expect(names).toContain("Sign out");
      const firstInMain = stops.findIndex((stop) => stop.inMain);
      expect(firstInMain, "main is reached after the navigation").toBeGreaterThan(Math.max(...navAt));
      expect(names[firstInMain]).toBe("Find a code");
      expect(names).toContain("Errata's own");
      expect(stops.filter((stop) => !stop.ring).map((stop) => stop.name), "stops without a focus ring").toEqual([]);
    });
  }

  test("the skip link shows when focused and moves on to the page's content", async ({ page }) => {
    await page.goto("/orgs");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: "Find an organization", inMain: true });
  });

  test("a confirmation dialog keeps focus inside and hands it back when closed", async ({ page }) => {
    await page.goto("/settings/keys");
    const opener = page.getByRole("button", { name: /^Revoke e2e-read/ });
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();

    const stops = await tabThrough(page, 4);
    expect(stops.map((stop) => stop.inDialog), stops.map((stop) => stop.name).join(" | ")).toEqual([true, true, true, true]);

    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  });
});
