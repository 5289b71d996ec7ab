import "server-only";

import { and, asc, count, eq, isNull, max, or, sql } from "drizzle-orm";
import { roleOf, type Role } from "@/lib/session/roles";
import { database, type Tables } from "../client";
import { firstRow } from "../raw";

/** A dashboard user as lists show them (never a password hash: those live in `accounts`). */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivated: boolean;
  createdAt: number;
}

function summaryColumns({ users }: Tables) {
  return { id: users.id, email: users.email, name: users.name, role: users.role, banned: users.banned, createdAt: users.createdAt };
}

function toSummary(row: { id: string; email: string; name: string; role: string | null; banned: boolean | null; createdAt: Date }): UserSummary {
  return { id: row.id, email: row.email, name: row.name, role: roleOf(row.role), deactivated: row.banned === true, createdAt: row.createdAt.getTime() };
}

export async function countUsers(): Promise<number> {
  const { db, t } = await database();
  return firstRow(await db.select({ n: count() }).from(t.users))?.n ?? 0;
}

export async function listUsers(): Promise<UserSummary[]> {
  const { db, t } = await database();
  return (await db.select(summaryColumns(t)).from(t.users).orderBy(asc(t.users.email))).map(toSummary);
}

export async function findUserByEmail(email: string): Promise<UserSummary | null> {
  const { db, t } = await database();
  const row = firstRow(await db.select(summaryColumns(t)).from(t.users).where(eq(t.users.email, email.toLowerCase())).limit(1));
  return row ? toSummary(row) : null;
}

export async function findUserById(id: string): Promise<UserSummary | null> {
  const { db, t } = await database();
  const row = firstRow(await db.select(summaryColumns(t)).from(t.users).where(eq(t.users.id, id)).limit(1));
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
export async function listUsersWithSessions(now: number): Promise<UserWithSessions[]> {
  const { db, t } = await database();
  const { sessions, users } = t;
  const rows = await db
    .select({
      ...summaryColumns(t),
      lastSignedInAt: max(sessions.createdAt),
      activeSessions: sql<number>`count(case when ${sessions.expiresAt} > ${now} then 1 end)`.mapWith(Number),
    })
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.email));
  return rows.map((row) => ({ ...toSummary(row), lastSignedInAt: row.lastSignedInAt?.getTime() ?? null, activeSessions: row.activeSessions }));
}

/** Admins who can sign in: the people who could still manage users and keys. */
export async function countActiveAdmins(): Promise<number> {
  const { db, t } = await database();
  const { users } = t;
  const row = firstRow(await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), or(isNull(users.banned), eq(users.banned, false)))));
  return row?.n ?? 0;
}
