import { describe, expect, it } from "vitest";
import { adminLockout, lockoutRefusal, removesActiveAdmin, type LockoutTarget, type UserChange } from "./admin-lockout";

const admin = (id: string, deactivated = false): LockoutTarget => ({ id, role: "admin", deactivated });
const agent = (id: string): LockoutTarget => ({ id, role: "agent", deactivated: false });

const DEMOTE: UserChange = { kind: "set_role", role: "agent" };
const DEACTIVATE: UserChange = { kind: "deactivate" };

describe("admin lockout rule", () => {
  it("only demoting or deactivating an active admin takes admin access away", () => {
    expect(removesActiveAdmin(admin("a"), DEMOTE)).toBe(true);
    expect(removesActiveAdmin(admin("a"), DEACTIVATE)).toBe(true);
    expect(removesActiveAdmin(admin("a"), { kind: "set_role", role: "admin" })).toBe(false);
    expect(removesActiveAdmin(admin("a"), { kind: "sign_out_everywhere" })).toBe(false);
    expect(removesActiveAdmin(admin("a", true), DEMOTE)).toBe(false);
    expect(removesActiveAdmin(agent("b"), DEACTIVATE)).toBe(false);
  });

  it("protects the acting admin and the last active admin", () => {
    expect(adminLockout("a", admin("a"), 3)).toBe("self");
    expect(adminLockout("a", admin("b"), 1)).toBe("last_admin");
    expect(adminLockout("a", admin("b"), 2)).toBeNull();
    expect(adminLockout("a", admin("b", true), 1)).toBeNull();
    expect(adminLockout("a", agent("b"), 1)).toBeNull();
  });

  it("refuses only the changes that would lock admins out", () => {
    expect(lockoutRefusal("a", admin("a"), DEMOTE, 2)).toBe("self");
    expect(lockoutRefusal("a", admin("a"), DEACTIVATE, 2)).toBe("self");
    expect(lockoutRefusal("a", admin("a"), { kind: "sign_out_everywhere" }, 1)).toBeNull();
    expect(lockoutRefusal("a", admin("b"), DEACTIVATE, 1)).toBe("last_admin");
    expect(lockoutRefusal("a", admin("b"), DEACTIVATE, 2)).toBeNull();
    expect(lockoutRefusal("a", agent("b"), DEACTIVATE, 1)).toBeNull();
  });
});
