import { describe, expect, it } from "vitest";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest } from "@/lib/testing/test-db";
import { sessions, users } from "../schema";
import { countActiveAdmins, listUsersWithSessions } from "./users";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 2);
const HOUR = 3_600_000;

function addUser(id: string, role: string, banned = false): void {
  const at = new Date(NOW - 100 * HOUR);
  database.db.insert(users).values({ id, name: id, email: `${id}@example.com`, role, banned, createdAt: at, updatedAt: at }).run();
}

function addSession(userId: string, startedHoursAgo: number, expiresInHours: number): void {
  const createdAt = new Date(NOW - startedHoursAgo * HOUR);
  database.db
    .insert(sessions)
    .values({ id: `${userId}-${startedHoursAgo}`, token: `t-${userId}-${startedHoursAgo}`, userId, createdAt, updatedAt: createdAt, expiresAt: new Date(NOW + expiresInHours * HOUR) })
    .run();
}

describe("users with their sessions", () => {
  it("gives the newest session's start and counts only unexpired sessions", () => {
    addUser("ada", "admin");
    addUser("bo", "agent");
    addSession("ada", 30, -6);
    addSession("ada", 5, 19);
    addSession("ada", 2, 22);
    expect(listUsersWithSessions(NOW).map(({ id, lastSignedInAt, activeSessions }) => ({ id, lastSignedInAt, activeSessions }))).toEqual([
      { id: "ada", lastSignedInAt: NOW - 2 * HOUR, activeSessions: 2 },
      { id: "bo", lastSignedInAt: null, activeSessions: 0 },
    ]);
  });

  it("reads each user's sessions through sessions_user_idx", () => {
    addUser("ada", "admin");
    const plans = queryPlans(database.db, () => listUsersWithSessions(NOW));
    expect(plans).toHaveLength(1);
    expect(plans[0]?.plan).toMatch(/SEARCH sessions USING INDEX sessions_user_idx \(user_id=\?\)/);
  });

  it("counts admins who can still sign in", () => {
    expect(countActiveAdmins()).toBe(0);
    addUser("ada", "admin");
    addUser("bo", "admin", true);
    addUser("cy", "agent");
    expect(countActiveAdmins()).toBe(1);
  });
});
