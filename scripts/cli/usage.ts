import { KEY_SCOPES } from "@/lib/auth/api-key-secret";
import { DEMO_USAGE } from "./demo";
import { KEYS_USAGE } from "./keys";
import { RETENTION_USAGE } from "./retention";
import { USERS_USAGE } from "./users";

export const USAGE = [
  "Errata command line",
  "",
  "Usage:",
  ...KEYS_USAGE.map((line) => `  ${line}`),
  ...USERS_USAGE.map((line) => `  ${line}`),
  `  ${DEMO_USAGE}`,
  ...RETENTION_USAGE.map((line) => `  ${line}`),
  "  npm run errata -- help",
  "",
  "Commands:",
  `  keys create   Create an API key (scopes: ${KEY_SCOPES.join(", ")}); the key is printed once, alone on the last line.`,
  "                --signing-secret also prints a secret that every submission must be signed with (Errata-Signature).",
  "                --expires takes a date (the key stops working at 00:00 UTC that day) or a number of days (30d).",
  "  keys list     List keys by prefix and name with scopes, expiry and status (never the key or its secret).",
  "  keys revoke   Revoke the active key whose prefix starts with PREFIX; --all when it matches several.",
  "  users create  Invite a dashboard user: prints a one-time link where they choose their password.",
  "                With --password-stdin, reads the password from standard input and creates the account at once.",
  "  users list    List dashboard users with role and status (never a password).",
  "  demo          Fill the database with sample traffic for several organizations, with one spike.",
  "  retention run Delete now what the server's retention job deletes every minute: events older than",
  "                ERRATA_RETENTION_DAYS (a tombstone keeps each id's code, status, organization and time),",
  "                hourly rollups and tombstones older than 400 days.",
  "",
  "The database is DATABASE_URL: file:./path.db for SQLite (the default, file:./data/errata.db) or postgres://user@host:5432/database.",
].join("\n");
