import fs from "node:fs";
import path from "node:path";
import { E2E_KEYS_FILE } from "./fixtures/env";
import { createKeyWithCli, type E2eKeys } from "./fixtures/keys";

/**
 * Creates this run's API keys with the real CLI against the e2e database. Playwright has already
 * started the web server (it deletes the old database file first), and the app opens the database
 * lazily, so the CLI is the first to create and migrate it.
 */
export default function globalSetup(): void {
  const keys: E2eKeys = {
    full: createKeyWithCli("e2e-ingest-read", "ingest,read"),
    ingest: createKeyWithCli("e2e-ingest", "ingest"),
    read: createKeyWithCli("e2e-read", "read"),
  };
  const file = path.resolve(E2E_KEYS_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}
