import { describe, expect, it } from "vitest";
import { countActiveAdmins, findUserByEmail } from "@/db/queries/users";
import { sessionUserFrom, type SessionUser } from "@/lib/session/session-user";
import { signedInHeaders } from "@/lib/testing/sessions";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { changeUser } from "./manage-users";

setupFreshDatabasePerTest();

async function signedInAdmin(email: string): Promise<{ user: SessionUser; headers: Headers }> {
  const headers = await signedInHeaders("admin", email);
  const user = await sessionUserFrom(headers);
  if (!user) throw new Error(`${email} is not signed in`);
  return { user, headers };
}

describe("changeUser when two admins act at once", () => {
  it.each([
    ["demote", { kind: "set_role", role: "agent" }],
    ["deactivate", { kind: "deactivate" }],
  ] as const)("two admins who %s each other leave one admin, and the second learns why", async (_name, change) => {
    const ada = await signedInAdmin("ada@example.com");
    const bo = await signedInAdmin("bo@example.com");
    const results = await Promise.all([changeUser(ada.user, bo.user.id, change, ada.headers), changeUser(bo.user, ada.user.id, change, bo.headers)]);
    expect(results).toEqual([{ ok: true }, { ok: false, problem: "last_admin" }]);
    expect(await countActiveAdmins()).toBe(1);
    expect(await findUserByEmail("ada@example.com")).toMatchObject({ role: "admin", deactivated: false });
  });
});
