import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { axeViolations } from "./fixtures/axe";
import { expectEnvelope } from "./fixtures/envelope";
import { audioTooLarge, newOrgId, newRequestId } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { bearer, e2eKeys } from "./fixtures/keys";

const stored = audioTooLarge();
// Older than every event another spec keeps, yet within the 90-day retention (the server's job deletes older ones).
const ancient = audioTooLarge({ org_id: newOrgId(), occurred_at: Date.now() - 89 * 24 * 3_600_000 });
const refused = audioTooLarge({ request_id: newRequestId(), code: "" });

/** One character of `id` replaced, as a customer mistyping it would. */
function mistyped(id: string): string {
  const at = id.length - 5;
  return `${id.slice(0, at)}${id[at] === "0" ? "1" : "0"}${id.slice(at + 1)}`;
}

async function sendRefusedBatch(request: APIRequestContext) {
  const response = await request.post("/api/v1/events", { headers: bearer(e2eKeys().ingest), data: { events: [refused] } });
  await expectEnvelope(response, 422, "common.validation_failed");
}

test.beforeAll(async ({ request }) => {
  await ingest(request, [stored, ancient]);
  await sendRefusedBatch(request);
});

const results = (page: Page) => page.getByRole("region", { name: "Results" });

async function search(page: Page, text: string) {
  await page.goto("/");
  await page.getByLabel("Request id or ticket text").fill(text);
}

test.describe("when nothing matches, the search says why", () => {
  test("an id refused at ingest: when it arrived and why", async ({ page }) => {
    await page.goto("/");
    const box = page.getByLabel("Request id or ticket text");
    // The trail is written a quarter second after the refusal: retype until the search sees it.
    await expect(async () => {
      await box.fill("");
      await box.fill(`my upload failed, request id ${refused.request_id}`);
      await expect(results(page).getByText("This id reached Errata at")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(results(page).getByRole("note", { name: `Refused submissions of ${refused.request_id}` })).toContainText(
      "but was rejected: common.validation_failed (events[0].code: must not be empty)",
    );
  });

  test("an id one character off: offers the stored one, which opens its request", async ({ page }) => {
    const quoted = mistyped(stored.request_id);
    await search(page, `Hi, the error said ${quoted}, can you check?`);
    await expect(results(page).getByText(`No stored request matches ${quoted}.`)).toBeVisible();
    const suggestions = results(page).getByRole("note", { name: `Ids close to ${quoted}` });
    await expect(suggestions).toContainText(`Did you mean ${stored.request_id}? (one character different)`);
    await expect(suggestions.locator("mark")).toHaveText(stored.request_id[stored.request_id.length - 5]!);

    await suggestions.getByRole("link", { name: stored.request_id }).click();
    await expect(page).toHaveURL(`/requests/${stored.request_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("registration.audio_too_large");
  });

  test("an id with another prefix or in capitals: offers the stored one", async ({ page }) => {
    const body = stored.request_id.slice("req_".length);
    for (const quoted of [`request_${body}`, `REQ_${body.toUpperCase()}`, body]) {
      await search(page, quoted);
      const suggestions = results(page).getByRole("note", { name: /^Ids close to / });
      await expect(suggestions.getByRole("link", { name: stored.request_id })).toBeVisible();
      await expect(suggestions).toContainText("the same id with another prefix or letter case");
    }
  });

  test("any unknown id: the retention and the oldest stored event, since older requests cannot be here", async ({ page }) => {
    await search(page, newRequestId());
    const note = results(page).getByText("Errata keeps events for 90 days and deletes older ones");
    await expect(note).toContainText("The oldest event it holds happened");
    // Ours, or one older still that retention.spec.ts stores for a moment before pruning it.
    const oldest = Date.parse((await note.locator("time").getAttribute("datetime")) ?? "");
    expect(oldest).toBeLessThanOrEqual(ancient.occurred_at as number);
  });
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`the help, in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("has no axe violations, every kind of answer shown at once", async ({ page }) => {
      await search(page, `Ids: ${mistyped(stored.request_id)}, ${refused.request_id}, request_${stored.request_id.slice(4)} and ${newRequestId()}`);
      await expect(results(page).getByText("Did you mean").first()).toBeVisible();
      await expect(results(page).getByText("Errata keeps events for 90 days")).toBeVisible();
      expect(await axeViolations(page), "axe violations").toBe("");
    });
  });
}
