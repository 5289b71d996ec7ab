import { describe, expect, it } from "vitest";
import type { ManagedUser } from "@/lib/actions/users";
import { changesFor, wordingOf } from "./user-changes";

function user(overrides: Partial<ManagedUser> = {}): ManagedUser {
  return {
    id: "u1",
    email: "bo@example.com",
    name: "Bo",
    role: "agent",
    deactivated: false,
    createdAt: 0,
    lastSignedInAt: null,
    activeSessions: 0,
    isYou: false,
    lockout: null,
    ...overrides,
  };
}

const buttons = (row: ManagedUser) => changesFor(row).map((change) => wordingOf(row, change).button);

describe("the changes a user row offers", () => {
  it("offers promotion, deactivation and, with sessions, signing out everywhere", () => {
    expect(buttons(user())).toEqual(["Make admin", "Deactivate"]);
    expect(buttons(user({ activeSessions: 2 }))).toEqual(["Make admin", "Deactivate", "Sign out everywhere"]);
    expect(wordingOf(user({ activeSessions: 2 }), { kind: "sign_out_everywhere" }).consequence).toMatch(/^Their 2 sessions end now/);
  });

  it("offers nothing that would lock admins out: not on the viewer's own row, nor the last admin's", () => {
    expect(buttons(user({ role: "admin", isYou: true, lockout: "self", activeSessions: 1 }))).toEqual([]);
    expect(buttons(user({ role: "admin", lockout: "last_admin", activeSessions: 1 }))).toEqual(["Sign out everywhere"]);
    expect(buttons(user({ role: "admin" }))).toEqual(["Make agent", "Deactivate"]);
  });

  it("offers reactivation to a deactivated user", () => {
    expect(buttons(user({ role: "admin", deactivated: true }))).toEqual(["Make agent", "Reactivate"]);
  });
});
