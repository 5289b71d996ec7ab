import "server-only";

import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { appSecrets } from "../schema";

/**
 * The named secret, created with `generate()` the first time it is asked for. The insert ignores a
 * conflict and the value is read back, so instances starting together agree on one secret.
 */
export function getOrCreateAppSecret(name: string, generate: () => string, now = Date.now()): string {
  const db = getDb();
  db.insert(appSecrets).values({ name, value: generate(), createdAt: now }).onConflictDoNothing().run();
  const row = db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)).get();
  if (!row) throw new Error(`app secret ${name} could not be stored`);
  return row.value;
}
