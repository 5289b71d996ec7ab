import { describe, expect, it } from "vitest";
import { queryPlans } from "@/lib/testing/raw-sqlite";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { countActiveAdmins, listUsersWithSessions } from "./users";

const database = setupFreshDatabasePerTest();
const NOW = Date.UTC(2026, 10, 26, 14, 2);
const HOUR = 3_600_000;

async function addUser(id: string, role: string, banned = false): Promise<void> {
  const at = new Date(NOW - 100 * HOUR);
  await database.db.insert(database.t.users).values({ id, name: id, email: `${id}@example.com`, role, banned, createdAt: at, updatedAt: at });
}

async function addSession(userId: string, startedHoursAgo: number, expiresInHours: number): Promise<void> {
  const createdAt = new Date(NOW - startedHoursAgo * HOUR);
  await database.db
    .insert(database.t.sessions)
    .values({ id: `${userId}-${startedHoursAgo}`, token: `t-${userId}-${startedHoursAgo}`, userId, createdAt, updatedAt: createdAt, expiresAt: new Date(NOW + expiresInHours * HOUR) });
}

describe("users with their sessions", async () => {
  it("gives the newest session's start and counts only unexpired sessions", async () => {
    await addUser("ada", "admin");
    await addUser("bo", "agent");
    await addSession("ada", 30, -6);
    await addSession("ada", 5, 19);
    await addSession("ada", 2, 22);
    expect((await listUsersWithSessions(NOW)).map(({ id, lastSignedInAt, activeSessions }) => ({ id, lastSignedInAt, activeSessions }))).toEqual([
      { id: "ada", lastSignedInAt: NOW - 2 * HOUR, activeSessions: 2 },
      { id: "bo", lastSignedInAt: null, activeSessions: 0 },
    ]);
  });

  // SQLite's plan; PostgreSQL chooses its own by statistics.
  it.skipIf(testBackend() === "postgres")("reads each user's sessions through sessions_user_idx", async () => {
    await addUser("ada", "admin");
    const plans = await queryPlans(database.db, () => listUsersWithSessions(NOW));
    expect(plans).toHaveLength(1);
    expect(plans[0]?.plan).toMatch(/SEARCH sessions USING INDEX sessions_user_idx \(user_id=\?\)/);
  });

  it("counts admins who can still sign in", async () => {
    expect(await countActiveAdmins()).toBe(0);
    await addUser("ada", "admin");
    await addUser("bo", "admin", true);
    await addUser("cy", "agent");
    expect(await countActiveAdmins()).toBe(1);
  });
});
