import "server-only";

import { asc, eq, inArray } from "drizzle-orm";
import { database } from "../client";
import { firstRow } from "../raw";
import { rows, transaction } from "../transaction";

export interface Organization {
  id: string;
  name: string | null;
  firstSeenAt: number;
}

async function organizationTable() {
  const handle = await database();
  const { organizations } = handle.t;
  const columns = { id: organizations.id, name: organizations.name, firstSeenAt: organizations.firstSeenAt };
  return { handle, organizations, columns };
}

/** One organization with its display name, or undefined when no event ever named it. */
export async function getOrganization(id: string): Promise<Organization | undefined> {
  const { handle, organizations, columns } = await organizationTable();
  return firstRow(await handle.db.select(columns).from(organizations).where(eq(organizations.id, id)).limit(1));
}

/** Every organization that has sent an event, by id. */
export async function listOrganizations(): Promise<Organization[]> {
  const { handle, organizations, columns } = await organizationTable();
  return handle.db.select(columns).from(organizations).orderBy(asc(organizations.id));
}

/** Display names of the given organizations; unknown ids are absent. */
export async function organizationNames(ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const { handle, organizations } = await organizationTable();
  const found = await handle.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids]));
  return new Map(found.map((row) => [row.id, row.name]));
}

/**
 * Sets display names in one transaction (null clears one). Organizations are created by their
 * first event, so names for ids never seen are ignored; returns how many organizations changed.
 */
export async function setOrganizationNames(names: readonly { id: string; name: string | null }[]): Promise<number> {
  const { handle, organizations } = await organizationTable();
  return transaction(handle, function* (tx) {
    let changed = 0;
    for (const { id, name } of names) {
      changed += (yield* rows(tx.update(organizations).set({ name }).where(eq(organizations.id, id)).returning({ id: organizations.id }))).length;
    }
    return changed;
  });
}
