import "server-only";

import { and, asc, count, eq, isNull, max, or, sql } from "drizzle-orm";
import { roleOf, type Role } from "@/lib/session/roles";
import { getDb } from "../client";
import { sessions, users } from "../schema";

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

/** A user with what their sessions tell: when they last signed in, and on how many devices now. */
export interface UserWithSessions extends UserSummary {
  /** The newest session's start. Sessions end (sign-out, revocation, expiry), so null means none on record. */
  lastSignedInAt: number | null;
  /** Sessions that have not expired yet. */
  activeSessions: number;
}

/** Every user with their sessions summed up, in one pass over `sessions_user_idx`. */
export function listUsersWithSessions(now: number): UserWithSessions[] {
  return getDb()
    .select({
      ...summaryColumns,
      lastSignedInAt: max(sessions.createdAt),
      activeSessions: sql<number>`count(case when ${sessions.expiresAt} > ${now} then 1 end)`,
    })
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .all()
    .map((row) => ({ ...toSummary(row), lastSignedInAt: row.lastSignedInAt?.getTime() ?? null, activeSessions: row.activeSessions }));
}

/** Admins who can sign in: the people who could still manage users and keys. */
export function countActiveAdmins(): number {
  return (
    getDb()
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), or(isNull(users.banned), eq(users.banned, false))))
      .get()?.n ?? 0
  );
}
