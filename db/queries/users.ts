import "server-only";

import { asc, count, eq } from "drizzle-orm";
import { roleOf, type Role } from "@/lib/session/roles";
import { getDb } from "../client";
import { users } from "../schema";

/** A dashboard user as lists show them (never a password hash: those live in `accounts`). */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivated: boolean;
  createdAt: number;
}

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  banned: users.banned,
  createdAt: users.createdAt,
};

function toSummary(row: { id: string; email: string; name: string; role: string | null; banned: boolean | null; createdAt: Date }): UserSummary {
  return { id: row.id, email: row.email, name: row.name, role: roleOf(row.role), deactivated: row.banned === true, createdAt: row.createdAt.getTime() };
}

export function countUsers(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listUsers(): UserSummary[] {
  return getDb().select(summaryColumns).from(users).orderBy(asc(users.email)).all().map(toSummary);
}

export function findUserByEmail(email: string): UserSummary | null {
  const row = getDb().select(summaryColumns).from(users).where(eq(users.email, email.toLowerCase())).get();
  return row ? toSummary(row) : null;
}

export function findUserById(id: string): UserSummary | null {
  const row = getDb().select(summaryColumns).from(users).where(eq(users.id, id)).get();
  return row ? toSummary(row) : null;
}
