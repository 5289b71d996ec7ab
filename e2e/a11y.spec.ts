import { expect, test } from "@playwright/test";
import { axeViolations } from "./fixtures/axe";
import { testEachMainPage, VIEWPORTS } from "./fixtures/main-pages";

/*
 * axe-core's WCAG 2.1 A/AA rules on every main page, in the light and the dark colour scheme
 * (the app follows the system's), at laptop and phone widths. A violation fails the test with
 * axe's own description of each offending element.
 */
for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of Object.values(VIEWPORTS)) {
    test.describe(`${colorScheme}, ${viewport.width} px`, () => {
      test.use({ colorScheme, viewport });

      testEachMainPage("has no axe violations", async (page) => {
        expect(await axeViolations(page), "axe violations").toBe("");
      });
    });
  }
}
