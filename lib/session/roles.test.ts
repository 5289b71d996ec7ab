import { describe, expect, it } from "vitest";
import { roleGrants, roleOf } from "./roles";

describe("roles", () => {
  it("admin includes everything an agent may do; an agent never gets admin", () => {
    expect(roleGrants("admin", "admin")).toBe(true);
    expect(roleGrants("admin", "agent")).toBe(true);
    expect(roleGrants("agent", "agent")).toBe(true);
    expect(roleGrants("agent", "admin")).toBe(false);
  });

  it("reads an unknown or missing stored role as the least access", () => {
    expect(roleOf("admin")).toBe("admin");
    expect(roleOf("agent")).toBe("agent");
    for (const stored of [null, undefined, "", "Admin", "owner", "admin,agent", 1]) expect(roleOf(stored)).toBe("agent");
  });
});
