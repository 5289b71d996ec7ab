import "server-only";

import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { organizations } from "../schema";

export interface Organization {
  id: string;
  name: string | null;
  firstSeenAt: number;
}

const columns = { id: organizations.id, name: organizations.name, firstSeenAt: organizations.firstSeenAt };

/** One organization with its display name, or undefined when no event ever named it. */
export function getOrganization(id: string): Organization | undefined {
  return getDb().select(columns).from(organizations).where(eq(organizations.id, id)).get();
}

/** Every organization that has sent an event, by id. */
export function listOrganizations(): Organization[] {
  return getDb().select(columns).from(organizations).orderBy(asc(organizations.id)).all();
}

/** Display names of the given organizations; unknown ids are absent. */
export function organizationNames(ids: readonly string[]): Map<string, string | null> {
  if (ids.length === 0) return new Map();
  const rows = getDb().select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids])).all();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * Sets display names in one transaction (null clears one). Organizations are created by their
 * first event, so names for ids never seen are ignored; returns how many organizations changed.
 */
export function setOrganizationNames(names: readonly { id: string; name: string | null }[]): number {
  return getDb().transaction((tx) => {
    let changed = 0;
    for (const { id, name } of names) {
      changed += tx.update(organizations).set({ name }).where(eq(organizations.id, id)).run().changes;
    }
    return changed;
  });
}
