import "server-only";

import { listApiKeys } from "@/db/queries/api-keys";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/** Opens the database (migrating it) and says what a first-time user should do next. */
export function announceStartup(): void {
  const settings = env();
  const keys = listApiKeys();
  const active = keys.filter((key) => key.revokedAt === null).length;
  logger.info({ database: settings.DATABASE_URL, active_keys: active }, "database ready");
  if (active === 0) {
    logger.info(
      "No API keys yet. Create one to send events: npm run errata -- keys create --name my-service --scopes ingest,read",
    );
  }
}
