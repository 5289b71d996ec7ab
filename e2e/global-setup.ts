import fs from "node:fs";
import path from "node:path";
import { E2E_KEYS_FILE } from "./fixtures/env";
import type { E2eKeys } from "./fixtures/keys";
import { errataCli } from "./fixtures/users";

/**
 * Creates this run's API keys with the real CLI against the e2e database. Playwright has already
 * started the web server (it deletes the old database file first), and the app opens the database
 * lazily, so the CLI is the first to create and migrate it.
 */
function createKey(name: string, scopes: string): string {
  const output = errataCli(["keys", "create", "--name", name, "--scopes", scopes]);
  // The CLI prints the key alone on its last line.
  const key = output.trimEnd().split("\n").at(-1)?.trim() ?? "";
  if (!/^\S{16,}$/.test(key)) throw new Error(`keys create did not end with a key on its own line:\n${output}`);
  return key;
}

export default function globalSetup(): void {
  const keys: E2eKeys = {
    full: createKey("e2e-ingest-read", "ingest,read"),
    ingest: createKey("e2e-ingest", "ingest"),
    read: createKey("e2e-read", "read"),
  };
  const file = path.resolve(E2E_KEYS_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
}
