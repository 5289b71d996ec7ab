import "server-only";

import { database } from "@/db/client";
import { withClusterLock } from "@/db/cluster-lock";
import { listApiKeys } from "@/db/queries/api-keys";
import { findUsableFirstAdminToken } from "@/db/queries/setup-tokens";
import { countUsers } from "@/db/queries/users";
import { keyStatus } from "@/lib/auth/key-status";
import { describeDatabase } from "@/lib/describe-database";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { createSetupLink } from "@/lib/users/setup-links";

const CLI_HINT = "npm run errata -- users create --email you@example.com --role admin";

/**
 * With no dashboard user yet, prints a one-time link that makes its opener the first admin (there
 * is no default password). On SQLite (one server per file) each start prints a fresh link and the
 * previous one stops working. On PostgreSQL several instances start together: the first prints the
 * link and the others say where it is, rather than each replacing the one printed before it.
 */
async function announceFirstAdminLink(): Promise<void> {
  await withClusterLock("users.first-admin-link", async () => {
    if ((await countUsers()) > 0) return;
    const { dialect } = await database();
    const issued = dialect === "postgres" ? await findUsableFirstAdminToken(Date.now()) : null;
    if (issued) {
      logger.info(
        { issued_at: new Date(issued.createdAt).toISOString(), expires_at: new Date(issued.expiresAt).toISOString() },
        `No dashboard users yet. A first-admin link was issued at ${new Date(issued.createdAt).toISOString()} by the instance that started then (see its log); or run: ${CLI_HINT}`,
      );
      return;
    }
    await printFirstAdminLink();
  });
}

async function printFirstAdminLink(): Promise<void> {
  const link = await createSetupLink({ email: null, role: "admin", createdBy: null });
  logger.info(
    { setup_link: link.url, expires_at: new Date(link.expiresAt).toISOString() },
    `No dashboard users yet. Open this one-time link to create the first admin: ${link.url} (or run: ${CLI_HINT})`,
  );
}

/** Opens the database (migrating it) and says what a first-time user should do next. */
export async function announceStartup(): Promise<void> {
  await announceFirstAdminLink();
  const settings = env();
  const keys = await listApiKeys();
  const now = Date.now();
  const active = keys.filter((key) => keyStatus(key, now) === "active").length;
  // Described, never the URL itself: it may carry the PostgreSQL password.
  logger.info({ database: describeDatabase(settings.DATABASE_URL), active_keys: active }, "database ready");
  if (active === 0) {
    logger.info(
      "No active API keys. Create one to send events: npm run errata -- keys create --name my-service --scopes ingest,read",
    );
  }
}
