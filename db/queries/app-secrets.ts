import "server-only";

import { eq } from "drizzle-orm";
import { database } from "../client";
import { firstRow } from "../raw";

/**
 * The named secret, created with `generate()` the first time it is asked for. The insert ignores a
 * conflict and the value is read back, so instances starting together agree on one secret.
 */
export async function getOrCreateAppSecret(name: string, generate: () => string, now = Date.now()): Promise<string> {
  const { db, t } = await database();
  const { appSecrets } = t;
  await db.insert(appSecrets).values({ name, value: generate(), createdAt: now }).onConflictDoNothing();
  const row = firstRow(await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)).limit(1));
  if (!row) throw new Error(`app secret ${name} could not be stored`);
  return row.value;
}
