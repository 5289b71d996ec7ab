import "server-only";

import { listApiKeys } from "@/db/queries/api-keys";
import { keyStatus } from "@/lib/auth/key-status";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

/** Opens the database (migrating it) and says what a first-time user should do next. */
export function announceStartup(): void {
  const settings = env();
  const keys = listApiKeys();
  const now = Date.now();
  const active = keys.filter((key) => keyStatus(key, now) === "active").length;
  logger.info({ database: settings.DATABASE_URL, active_keys: active }, "database ready");
  if (active === 0) {
    logger.info(
      "No active API keys. Create one to send events: npm run errata -- keys create --name my-service --scopes ingest,read",
    );
  }
}
