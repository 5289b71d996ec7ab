import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { insertRequestView, type NewRequestView } from "@/db/queries/audit-log";
import { clearRequestHeaders, setRequestHeaders } from "@/lib/testing/request-headers";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import AuditLogPage from "./page";

vi.mock("next/headers", () => import("@/lib/testing/request-headers"));

setupFreshDatabasePerTest();
const T0 = Date.UTC(2026, 10, 26, 14, 2);
const ALICE = { kind: "user", id: "u1AliceId", label: "alice@example.com" } as const;
const BOT = { kind: "key", keyId: 1, prefix: "erk_Bot00000" } as const;

function view(overrides: Partial<NewRequestView> = {}): Promise<void> {
  return insertRequestView({ viewedAt: T0, viewer: ALICE, requestId: "req_8a3f2c9d", via: "page", found: true, ...overrides });
}

async function render(query = ""): Promise<string> {
  const searchParams = Promise.resolve(Object.fromEntries(new URLSearchParams(query)));
  return renderToStaticMarkup(await AuditLogPage({ searchParams }));
}

function rowCount(html: string): number {
  return html.match(/<tr><td/g)?.length ?? 0;
}

async function digestOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown as { digest?: string },
  );
  return error?.digest ?? "rendered";
}

beforeEach(() => {
  clearRequestHeaders();
});

describe("audit log page — who may see it", () => {
  it("sends a signed-out visitor to sign in and shows agents the 403 page", async () => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "1");
    expect(await digestOf(render())).toMatch(/^NEXT_REDIRECT;.*\/sign-in/);
    setRequestHeaders(await signedInHeaders("agent"));
    expect(await digestOf(render())).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    vi.unstubAllEnvs();
  });
});

describe("audit log page — for an admin", () => {
  beforeEach(async () => {
    setRequestHeaders(await signedInHeaders("admin"));
  });

  it("lists views newest first: when (UTC on hover), who, a link to the request, via, found", async () => {
    await view({ requestId: "req_first" });
    await view({ requestId: "req/odd id", viewer: BOT, via: "api", found: false, viewedAt: T0 + 60_000 });
    const html = await render();
    expect(rowCount(html)).toBe(2);
    expect(html.indexOf("req/odd id")).toBeLessThan(html.indexOf("req_first"));
    expect(html).toContain('title="2026-11-26 14:02:00 UTC"');
    expect(html).toContain('href="/requests/req%2Fodd%20id"');
    expect(html).toContain('href="/settings/audit?actor=u1AliceId">alice@example.com</a>');
    expect(html).toContain("API key <code>erk_Bot00000…</code>");
    expect(html).toMatch(/<td>API<\/td><td><span class="badge badge-warning">Not stored<\/span>/);
    expect(html).toMatch(/<td>Dashboard<\/td><td>Yes<\/td>/);
  });

  it("filters by user and by the start of a request id, offering every actor seen", async () => {
    await view({ requestId: "req_8a3f2c9d" });
    await view({ requestId: "req_8a3f7777", viewer: BOT });
    await view({ requestId: "req_9000", viewer: BOT });
    expect(rowCount(await render("actor=erk_Bot00000"))).toBe(2);
    expect(rowCount(await render("request_id=req_8a3f"))).toBe(2);
    const both = await render("actor=erk_Bot00000&request_id=%20req_8a3f%20");
    expect(rowCount(both)).toBe(1);
    expect(both).toContain('<option value="erk_Bot00000" selected="">erk_Bot00000 (API key erk_Bot00000…)</option>');
    expect(both).toContain('<option value="u1AliceId">alice@example.com</option>');
    expect(both).toContain('value="req_8a3f"');
    expect(both).toContain(">Clear filters</a>");
  });

  it("pages to older views with the filters kept, and back to the newest", async () => {
    for (let n = 0; n < 51; n++) await view({ viewedAt: T0 + n });
    const first = await render("request_id=req_8");
    expect(rowCount(first)).toBe(50);
    const older = /href="(\/settings\/audit\?request_id=req_8&amp;before=[0-9.]+)">Older views</.exec(first)?.[1];
    expect(older).toBeDefined();
    const second = await render(older?.replaceAll("&amp;", "&").split("?")[1]);
    expect(rowCount(second)).toBe(1);
    expect(second).not.toContain("Older views");
    expect(second).toContain('href="/settings/audit?request_id=req_8">Newest views</a>');
  });

  it("says so when nothing has been viewed, or nothing matches", async () => {
    expect(await render()).toContain("No request has been viewed yet.");
    expect(await render("actor=nobody")).toContain("No view matches these filters.");
  });
});
