/**
 * Dashboard roles. Agents search, view and chart; admins also manage API keys, users and read the
 * audit log. A user without a known role (a row edited by hand) gets the least access.
 */
export const ROLES = ["admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export function roleOf(value: unknown): Role {
  return value === "admin" ? "admin" : "agent";
}

/** Whether `role` may do what `needed` may: admin includes agent. */
export function roleGrants(role: Role, needed: Role): boolean {
  return needed === "agent" || role === "admin";
}
