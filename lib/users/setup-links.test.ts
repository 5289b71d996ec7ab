import { describe, expect, it } from "vitest";
import { findUserByEmail } from "@/db/queries/users";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { acceptSetupLink, createSetupLink, readSetupLink, SETUP_LINK_TTL_MS } from "./setup-links";

setupFreshDatabasePerTest();

const PASSWORD = "correct horse battery";

function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

describe("setup links", () => {
  it("creates the first admin from an open link, once", async () => {
    const link = await createSetupLink({ email: null, role: "admin", createdBy: null });
    expect(link.url).toMatch(/^http:\/\/localhost:\d+\/setup\/est_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link.url);
    expect(await readSetupLink(token)).toMatchObject({ email: null, role: "admin" });

    const first = await acceptSetupLink(token, { email: "Ada@Example.com", name: "Ada", password: PASSWORD });
    expect(first).toMatchObject({ ok: true, user: { email: "ada@example.com", role: "admin", deactivated: false } });
    expect(await readSetupLink(token)).toBeNull();
    expect(await acceptSetupLink(token, { email: "eve@example.com", name: "Eve", password: PASSWORD })).toEqual({ ok: false, problem: "link_invalid" });
    expect(await findUserByEmail("eve@example.com")).toBeNull();
  });

  it("binds an invitation to its e-mail address and role", async () => {
    const token = tokenOf((await createSetupLink({ email: "bo@example.com", role: "agent", createdBy: null })).url);
    expect(await acceptSetupLink(token, { email: "mallory@example.com", name: "M", password: PASSWORD })).toEqual({ ok: false, problem: "link_invalid" });
    const accepted = await acceptSetupLink(token, { email: "bo@example.com", name: "Bo", password: PASSWORD });
    expect(accepted).toMatchObject({ ok: true, user: { role: "agent" } });
  });

  it("refuses expired, malformed and replaced links", async () => {
    const now = Date.now();
    const old = tokenOf((await createSetupLink({ email: "cy@example.com", role: "agent", createdBy: null, now })).url);
    expect(await readSetupLink(old, now + SETUP_LINK_TTL_MS + 1)).toBeNull();
    expect(await readSetupLink("est_short")).toBeNull();
    const replacement = tokenOf((await createSetupLink({ email: "cy@example.com", role: "agent", createdBy: null, now })).url);
    expect(await readSetupLink(old, now)).toBeNull();
    expect(await readSetupLink(replacement, now)).not.toBeNull();
  });

  it("keeps the link usable when the address already has an account", async () => {
    const first = tokenOf((await createSetupLink({ email: "di@example.com", role: "agent", createdBy: null })).url);
    await acceptSetupLink(first, { email: "di@example.com", name: "Di", password: PASSWORD });
    const again = tokenOf((await createSetupLink({ email: "di@example.com", role: "admin", createdBy: null })).url);
    expect(await acceptSetupLink(again, { email: "di@example.com", name: "Di", password: PASSWORD })).toEqual({ ok: false, problem: "email_taken" });
    expect(await readSetupLink(again)).not.toBeNull();
  });
});
