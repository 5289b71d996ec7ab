import { randomBytes } from "node:crypto";
import { expect, test as base, type APIRequestContext, type APIResponse } from "@playwright/test";
import { expectNoData, expectSignInRedirect, expiredSessionState, type StorageState } from "./fixtures/access";
import { E2E_BASE_URL } from "./fixtures/env";
import { expectEnvelope } from "./fixtures/envelope";
import { audioTooLarge } from "./fixtures/events";
import { ingest } from "./fixtures/ingest";
import { bearer, e2eKeys } from "./fixtures/keys";
import { appRoutes, fillPattern, type ApiAuth, type HttpMethod, type SegmentSamples } from "./fixtures/routes";
import { E2E_USERS, SESSION_STATE, SIGNED_OUT } from "./fixtures/users";

/*
 * Tests that try to get in (issue 5): every page and API route, read from app/ so that a new one is
 * covered without being listed here, is requested without a session, with an expired one, with API
 * keys where a session is needed, and as an agent where an admin is needed. Each refusal must show
 * none of the data stored below; for contrast, the allowed caller gets it.
 */

const test = base.extend<{ client: (state: string | StorageState) => Promise<APIRequestContext> }>({
  // A request context carrying one browser state (a session cookie) and nothing else, disposed after the test.
  client: async ({ playwright }, provide) => {
    const contexts: APIRequestContext[] = [];
    await provide(async (state) => {
      const context = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: state });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },
});

// Every credential is passed explicitly, per request context: nothing rides on a default cookie.
test.use({ storageState: SIGNED_OUT });

const ROUTES = appRoutes();
const protectedPages = ROUTES.pages.filter((page) => page.access !== "public");
const adminPages = ROUTES.pages.filter((page) => page.access === "admin");
const agentPages = ROUTES.pages.filter((page) => page.access === "agent");
const handlers = (auth: ApiAuth) =>
  ROUTES.api.flatMap((api) => api.handlers.filter((handler) => handler.auth === auth).map((handler) => ({ ...handler, pattern: api.pattern })));

/** A stored event the refusals must not reveal; its message carries a marker found nowhere else. */
const marker = `leak-check-${randomBytes(6).toString("hex")}`;
const stored = audioTooLarge({ message: `Audio exceeds the configured maximum (${marker})` });
const samples: SegmentSamples = {
  org_id: stored.org_id,
  requestId: stored.request_id,
  request_id: stored.request_id,
  code: stored.code,
  token: `setup_${randomBytes(16).toString("hex")}`,
  path: "v1/no-such-route",
};
const urlOf = (pattern: string) => fillPattern(pattern, samples);

/** What no refused caller may see: the event, its organization, the keys' display prefixes, the admin. */
function knownData(): string[] {
  const keys = e2eKeys();
  return [marker, stored.request_id, stored.org_id, E2E_USERS.admin, ...[keys.full, keys.ingest, keys.read].map((key) => key.slice(0, 12))];
}

let expired: StorageState;

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(90_000);
  await ingest(request, [stored]);
  expired = await expiredSessionState(browser);
});

function send(context: APIRequestContext, method: HttpMethod, url: string, headers: Record<string, string> = {}, data?: unknown): Promise<APIResponse> {
  // Writes carry a well-formed event, so a route that wrongly let the caller in would act on it, not refuse the body.
  const body = method === "GET" || method === "HEAD" ? undefined : (data ?? audioTooLarge());
  return context.fetch(url, { method, headers, data: body, maxRedirects: 0 });
}

test.describe("the route list read from app/", () => {
  test("classifies every page and route file", () => {
    expect(ROUTES.problems).toEqual([]);
  });

  test("contains the routes known when it was written", () => {
    const pages = Object.fromEntries(ROUTES.pages.map((page) => [page.pattern, page.access]));
    expect(pages).toMatchObject({
      "/sign-in": "public",
      "/setup/[token]": "public",
      "/": "agent",
      "/requests/[requestId]": "agent",
      "/orgs": "agent",
      "/orgs/[org_id]": "agent",
      "/orgs/[org_id]/events": "agent",
      "/codes": "agent",
      "/codes/[code]": "agent",
      "/spikes": "agent",
      "/settings": "admin",
      "/settings/keys": "admin",
      "/settings/ingest": "admin",
      "/settings/audit": "admin",
    });
    const api = ROUTES.api.flatMap((route) => route.handlers.map((handler) => `${handler.method} ${route.pattern} ${handler.auth}`));
    expect(api).toEqual(
      expect.arrayContaining([
        "POST /api/v1/events ingest",
        "GET /api/v1/events read",
        "GET /api/v1/events/[request_id] read",
        "GET /api/v1/orgs read",
        "GET /api/v1/orgs/[org_id]/trends read",
        "GET /api/v1/codes read",
        "GET /api/v1/codes/[code] read",
        "GET /api/v1/spikes read",
        "GET /api/health none",
        "GET /api/ready none",
        "GET /api/[...path] none",
      ]),
    );
  });
});

test.describe("pages", () => {
  const callers = [
    { name: "signed out", state: () => SIGNED_OUT, headers: () => ({}) },
    { name: "with an expired session", state: () => expired, headers: () => ({}) },
    // Pages take no keys: a key, even one with the read scope, is no way around signing in.
    { name: "with only the ingest key", state: () => SIGNED_OUT, headers: () => bearer(e2eKeys().ingest) },
    { name: "with only the ingest,read key", state: () => SIGNED_OUT, headers: () => bearer(e2eKeys().full) },
  ];
  for (const { pattern } of protectedPages) {
    for (const caller of callers) {
      test(`${pattern}: ${caller.name}, it redirects to sign-in and shows no data`, async ({ client }) => {
        const url = urlOf(pattern);
        const response = await send(await client(caller.state()), "GET", url, caller.headers());
        // Data first: a page that shows it is the worse failure, and must be reported even when the status is wrong too.
        await expectNoData(response, url, knownData());
        expectSignInRedirect(response, url);
      });
    }
  }

  for (const { pattern } of adminPages) {
    test(`${pattern}: an agent gets 403 and no data; an admin gets the page`, async ({ client }) => {
      const url = urlOf(pattern);
      const refused = await send(await client(SESSION_STATE.agent), "GET", url);
      expect(refused.status(), `agent on ${url}`).toBe(403);
      await expectNoData(refused, url, knownData());

      expect((await send(await client(SESSION_STATE.admin), "GET", url)).status()).toBe(200);
    });
  }

  for (const { pattern } of agentPages) {
    test(`${pattern}: an agent gets the page`, async ({ client }) => {
      const response = await send(await client(SESSION_STATE.agent), "GET", urlOf(pattern));
      expect(response.status()).toBe(200);
    });
  }

  test("the data the refusals are checked for is on the pages an agent may see", async ({ client }) => {
    const response = await send(await client(SESSION_STATE.agent), "GET", urlOf("/requests/[requestId]"));
    const body = await response.text();
    expect(body).toContain(marker);
    expect(body).toContain(stored.org_id);
  });

  for (const { pattern } of ROUTES.pages.filter((page) => page.access === "public")) {
    test(`${pattern}: public, and shows no stored data`, async ({ client }) => {
      const url = urlOf(pattern);
      const response = await send(await client(SIGNED_OUT), "GET", url);
      expect(response.status()).toBe(200);
      await expectNoData(response, url, knownData());
    });
  }

  test("a signed-out browser lands on the sign-in form", async ({ page }) => {
    const url = urlOf("/orgs/[org_id]/events");
    await page.goto(url);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(url)}`);
    await expect(page.getByLabel("E-mail")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(marker);
    await expect(page.getByRole("link", { name: stored.request_id })).toHaveCount(0);
  });

  test("a browser with an expired session lands on the sign-in form", async ({ browser }) => {
    const context = await browser.newContext({ storageState: expired });
    const page = await context.newPage();
    await page.goto("/settings/keys");
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/settings/keys")}`);
    await expect(page.getByLabel("E-mail")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await context.close();
  });

  test("a cross-site POST to any page is refused before it reaches the page", async ({ client }) => {
    const context = await client(SESSION_STATE.admin);
    for (const { pattern } of ROUTES.pages) {
      const url = urlOf(pattern);
      const foreign: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Referer: "https://evil.example/form" }];
      for (const headers of foreign) {
        const response = await context.post(url, { headers, form: { anything: "1" }, maxRedirects: 0 });
        const body = await expectEnvelope(response, 403, "common.forbidden");
        expect(body.details, `${url} with ${JSON.stringify(headers)}`).toEqual({ reason: "cross_site_request" });
      }
    }
  });
});

test.describe("API routes", () => {
  for (const { method, pattern } of handlers("read")) {
    test(`${method} ${pattern} (read): 401 without a credential or with an expired session, 403 for an ingest key`, async ({ client }) => {
      const url = urlOf(pattern);
      const signedOut = await client(SIGNED_OUT);

      const anonymous = await send(signedOut, method, url);
      await expectEnvelope(anonymous, 401, "common.unauthorized");
      await expectNoData(anonymous, url, knownData());

      const stale = await send(await client(expired), method, url);
      await expectEnvelope(stale, 401, "common.unauthorized");
      await expectNoData(stale, url, knownData());

      const ingestOnly = await send(signedOut, method, url, bearer(e2eKeys().ingest));
      await expectEnvelope(ingestOnly, 403, "auth.scope_denied");
      await expectNoData(ingestOnly, url, knownData());
    });

    test(`${method} ${pattern} (read): an agent session and a read key get 200`, async ({ client }) => {
      const url = urlOf(pattern);
      const agent = await send(await client(SESSION_STATE.agent), method, url);
      expect(agent.status(), await agent.text()).toBe(200);
      const keyed = await send(await client(SIGNED_OUT), method, url, bearer(e2eKeys().read));
      expect(keyed.status(), await keyed.text()).toBe(200);
    });
  }

  for (const { method, pattern, auth } of [...handlers("ingest"), ...handlers("admin")]) {
    test(`${method} ${pattern} (${auth}): a session cookie alone is not accepted`, async ({ client }) => {
      const url = urlOf(pattern);
      const event = audioTooLarge();
      await expectEnvelope(await send(await client(SIGNED_OUT), method, url, {}, event), 401, "common.unauthorized");
      for (const state of [SESSION_STATE.agent, SESSION_STATE.admin, expired]) {
        const response = await send(await client(state), method, url, {}, event);
        await expectEnvelope(response, 401, "common.unauthorized");
        await expectNoData(response, url, knownData());
      }
      const lookup = await send(await client(SIGNED_OUT), "GET", `/api/v1/events/${event.request_id}`, bearer(e2eKeys().read));
      await expectEnvelope(lookup, 404, "common.not_found");
    });

    test(`${method} ${pattern} (${auth}): a key without the ${auth} scope gets 403`, async ({ client }) => {
      const url = urlOf(pattern);
      const response = await send(await client(SIGNED_OUT), method, url, bearer(e2eKeys().read));
      await expectEnvelope(response, 403, "auth.scope_denied");
    });
  }

  for (const { method, pattern } of handlers("none")) {
    test(`${method} ${pattern} (public): answers without a credential and shows no stored data`, async ({ client }) => {
      const url = urlOf(pattern);
      const response = await send(await client(SIGNED_OUT), method, url);
      expect(response.status()).toBeLessThan(500);
      await expectNoData(response, url, knownData());
    });
  }
});
