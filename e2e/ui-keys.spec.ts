import { createHmac, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectEnvelope } from "./fixtures/envelope";
import { audioTooLarge } from "./fixtures/events";
import { bearer } from "./fixtures/keys";

/** The README's signing recipe: hex HMAC-SHA256 of "<t>.<raw body>" keyed with the whole secret. */
function signatureHeader(secret: string, body: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

function send(request: APIRequestContext, key: string, body: string, signature?: string) {
  const headers = { ...bearer(key), "Content-Type": "application/json", ...(signature ? { "Errata-Signature": signature } : {}) };
  return request.post("/api/v1/events", { headers, data: body });
}

test("a key created in the UI is shown once, ingests signed events, and is refused once revoked", async ({ page, request }) => {
  const name = `e2e-ui-${randomBytes(3).toString("hex")}`;
  await page.goto("/settings");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  const create = page.getByRole("button", { name: "Create key" });
  await expect(create).toBeEnabled();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(page.getByLabel("ingest", { exact: true })).toBeChecked();
  await page.getByLabel("read", { exact: true }).check();
  await page.getByLabel("Signing secret", { exact: true }).check();
  await create.click();

  const notice = page.getByRole("region", { name: `Key “${name}” created` });
  await expect(notice.getByText("Store it now.")).toBeVisible();
  await expect(notice.getByLabel("API key")).toBeFocused();
  const key = await notice.getByLabel("API key").inputValue();
  const secret = await notice.getByLabel("Signing secret").inputValue();
  expect(key).toMatch(/^erk_[A-Za-z0-9_-]{32}$/);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await notice.getByRole("button", { name: "Done — I have stored it" }).click();
  await expect(notice).toBeHidden();

  // Listed by prefix; neither the key nor the secret is anywhere on the page any more.
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("ingest, read");
  await expect(row).toContainText("required");
  await expect(row).toContainText("active");
  const html = await page.content();
  expect(html).not.toContain(key);
  expect(html).not.toContain(secret);

  const body = JSON.stringify(audioTooLarge());
  const unsigned = await expectEnvelope(await send(request, key, body), 401, "auth.signature_invalid");
  expect(unsigned.details).toEqual({ reason: "missing" });
  const accepted = await send(request, key, body, signatureHeader(secret, body));
  expect(accepted.status(), await accepted.text()).toBe(202);
  expect(await accepted.json()).toEqual({ accepted: 1, duplicates: 0 });

  // Revoking asks first: Escape cancels and the key stays active.
  const revokeButton = row.getByRole("button", { name: `Revoke ${name}` });
  const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
  await revokeButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("active");

  await revokeButton.click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Revoked ${name}`)).toBeVisible();
  await expect(row).toContainText("revoked");
  await expect(revokeButton).toHaveCount(0);

  const refused = await expectEnvelope(await send(request, key, body, signatureHeader(secret, body)), 401, "auth.key_revoked");
  expect(refused.details).toMatchObject({ prefix: key.slice(0, 12) });
});

test("the create form says what is missing instead of creating a key", async ({ page }) => {
  await page.goto("/settings/keys");
  await expect(page.getByRole("button", { name: "Create key" })).toBeEnabled();
  await page.getByLabel("ingest", { exact: true }).uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name.")).toBeVisible();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
});
