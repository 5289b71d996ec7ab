import { expect, test, type Page } from "@playwright/test";
import { newOrgId, newRequestId, type SampleEvent } from "./fixtures/events";
import { EVIL_ORIGIN, expectHydrated, expectSecurityHeaders, foreignMarkup, scriptNonce, watchPage, type PageWatch } from "./fixtures/inert";
import { ingest } from "./fixtures/ingest";

/*
 * Untrusted content made inert: envelopes come from other services, so every text field may hold
 * markup. These events carry script, handler and `javascript:` payloads in every free-text field the
 * ingest schema accepts (message, details at any depth, service, path); the pages that show them
 * must print them as text in a real browser. A payload that ran would open a dialog or send a
 * request to evil.invalid.
 */

const SCRIPT = "<script>alert(1)</script>";
const IMG = `<img src=${EVIL_ORIGIN}/message.png onerror=alert(1)>`;
const SVG = "<svg onload=alert(1)>";
const JS_URL = "javascript:alert(1)";
const BREAKOUT = `"><script src=${EVIL_ORIGIN}/breakout.js></script>`;
const LINK = '<a href="javascript:alert(1)">x</a>';

const org = newOrgId();
/** An uncatalogued code: the page shows the envelope, the service and the endpoint as sent. */
const probe: SampleEvent = {
  request_id: newRequestId(),
  org_id: org,
  http_status: 500,
  code: "xss.probe",
  message: [SCRIPT, IMG, SVG, JS_URL, BREAKOUT].join(" "),
  details: {
    docs_url: JS_URL,
    help: LINK,
    image: `${EVIL_ORIGIN}/details.png`,
    nested: { html: `<img src=${EVIL_ORIGIN}/nested.png onerror=alert(1)>`, list: [SVG, `"><script>alert(1)</script>`] },
  },
  service: `<img src=${EVIL_ORIGIN}/service.png onerror=alert(1)>`,
  method: "POST",
  path: `/v1/"><script src=${EVIL_ORIGIN}/path.js></script>`,
  environment: "live",
};
/** A catalogued code whose explanation quotes a detail value in its summary, notes and reply. */
const unknownScope: SampleEvent = {
  request_id: newRequestId(),
  org_id: org,
  http_status: 422,
  code: "api_key.unknown_scope",
  message: SCRIPT,
  details: { value: `<img src=${EVIL_ORIGIN}/scope.png onerror=alert(1)>` },
};
/** Field paths and messages from details become rows of the explanation. */
const validation: SampleEvent = {
  request_id: newRequestId(),
  org_id: org,
  http_status: 422,
  code: "common.validation_failed",
  message: SVG,
  details: { fields: [{ path: SVG, message: BREAKOUT }] },
};

/** A string as it reads inside the envelope's pretty-printed JSON. */
const inJson = (value: string) => JSON.stringify(value).slice(1, -1);

test.beforeAll(async ({ request }) => {
  await ingest(request, [probe, unknownScope, validation]);
});

interface Visit {
  watch: PageWatch;
  nonce: string;
}

async function open(page: Page, url: string): Promise<Visit> {
  const watch = watchPage(page);
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expectSecurityHeaders(response);
  return { watch, nonce: scriptNonce(response) };
}

/** Nothing from the payloads became markup, ran, or reached the network. */
async function expectInert(page: Page, visit: Visit): Promise<void> {
  expect(await foreignMarkup(page, visit.nonce)).toEqual([]);
  expect(visit.watch.dialogs).toEqual([]);
  expect(visit.watch.foreignRequests).toEqual([]);
  expect(visit.watch.cspViolations).toEqual([]);
}

const SEARCHES = {
  /** Matches the events' messages: no id in it, so the results are the events whose text contains it. */
  text: SCRIPT,
  /** Two stored ids, so the search lists them instead of opening one. */
  reflected: `${IMG} ${probe.request_id} ${unknownScope.request_id}`,
};

const PAGES = {
  probe: `/requests/${probe.request_id}`,
  unknownScope: `/requests/${unknownScope.request_id}`,
  validation: `/requests/${validation.request_id}`,
  textSearch: `/?q=${encodeURIComponent(SEARCHES.text)}`,
  reflectedSearch: `/?q=${encodeURIComponent(SEARCHES.reflected)}`,
  orgEvents: `/orgs/${org}/events`,
  reflectedCode: `/orgs/${org}/events?code=${encodeURIComponent(SCRIPT)}`,
  missingRequest: `/requests/${encodeURIComponent(SVG)}`,
};

test.describe("rendered as text, even with the Content-Security-Policy switched off", () => {
  // Escaping must hold on its own: with the CSP bypassed, a payload that became markup would really run and load.
  test.use({ bypassCSP: true });

  test("the request page shows the envelope, service and endpoint literally", async ({ page }) => {
    const visit = await open(page, PAGES.probe);
    const envelope = page.getByLabel("Envelope JSON");
    await expect(envelope).toBeVisible();
    await expectHydrated(envelope);

    await expect(page.getByText(SCRIPT).first()).toBeVisible();
    for (const text of [SCRIPT, IMG, SVG, JS_URL, BREAKOUT, LINK, `${EVIL_ORIGIN}/details.png`, `<img src=${EVIL_ORIGIN}/nested.png onerror=alert(1)>`]) {
      await expect(envelope).toContainText(inJson(text));
    }
    await expect(page.getByText(probe.service ?? "", { exact: true })).toBeVisible();
    await expect(page.getByText(`POST ${probe.path}`, { exact: true }).first()).toBeVisible();
    await expectInert(page, visit);
  });

  test("an explanation quoting a detail value shows it literally", async ({ page }) => {
    const visit = await open(page, PAGES.unknownScope);
    const value = String(unknownScope.details?.value);
    await expect(page.getByRole("cell", { name: value, exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Reply to the customer" })).toContainText(value);
    await expectHydrated(page.getByLabel("Envelope JSON"));
    await expectInert(page, visit);
  });

  test("field paths and messages from details show literally", async ({ page }) => {
    const visit = await open(page, PAGES.validation);
    await expect(page.getByRole("cell", { name: `fields.${SVG}`, exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: BREAKOUT, exact: true })).toBeVisible();
    await expectHydrated(page.getByLabel("Envelope JSON"));
    await expectInert(page, visit);
  });

  /** Opens a search; its query sits in the box as text and both probe events are listed. */
  async function expectSearch(page: Page, query: string): Promise<void> {
    const visit = await open(page, `/?q=${encodeURIComponent(query)}`);
    const box = page.getByLabel("Request id or ticket text");
    await expect(box).toHaveValue(query);
    await expectHydrated(box);
    const results = page.getByRole("region", { name: "Results" });
    for (const event of [probe, unknownScope]) await expect(results.getByRole("link", { name: event.request_id })).toBeVisible();
    await expectInert(page, visit);
  }

  test("search results for the payload text list the events without running it", async ({ page }) => {
    await expectSearch(page, SEARCHES.text);
  });

  test("a search link carrying markup next to two ids shows both and the markup as text", async ({ page }) => {
    await expectSearch(page, SEARCHES.reflected);
  });

  test("the organization's event list shows the events, and a code filter carrying markup as text", async ({ page }) => {
    const list = await open(page, PAGES.orgEvents);
    for (const event of [probe, unknownScope, validation]) {
      await expect(page.getByRole("link", { name: event.request_id })).toBeVisible();
    }
    await expectHydrated(page.getByRole("link", { name: probe.request_id }));
    await expectInert(page, list);

    const filtered = await open(page, PAGES.reflectedCode);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SCRIPT);
    await expect(page.getByText("No stored requests match these filters.")).toBeVisible();
    await expectHydrated(page.getByRole("heading", { level: 1 }));
    await expectInert(page, filtered);
  });

  test("an id carrying markup shows as text on the request page and in the audit log", async ({ page }) => {
    const missing = await open(page, PAGES.missingRequest);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`No stored request matches ${SVG}`);
    await expectHydrated(page.getByRole("heading", { level: 1 }));
    await expectInert(page, missing);

    // The view was recorded with the id as typed; the admin's audit log lists it.
    const audit = await open(page, "/settings/audit");
    await expect(page.getByText(SVG, { exact: true }).first()).toBeVisible();
    await expectHydrated(page.getByRole("heading", { level: 1 }));
    await expectInert(page, audit);
  });
});

test("with the Content-Security-Policy on, no page carrying the payloads reports a violation", async ({ page }) => {
  for (const url of Object.values(PAGES)) {
    await test.step(url, async () => {
      const visit = await open(page, url);
      await expectHydrated(page.getByRole("heading", { level: 1 }));
      await expectInert(page, visit);
    });
  }
});
