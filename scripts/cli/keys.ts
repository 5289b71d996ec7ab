import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKeysByPrefix, type ApiKeySummary } from "@/db/queries/api-keys";
import { KEY_SCOPES, type KeyScope } from "@/lib/auth/api-key-secret";
import { CliError, formatTable, formatTime, type CliIo } from "./io";

export const KEYS_USAGE = [
  "npm run errata -- keys create --name NAME --scopes ingest,read",
  "npm run errata -- keys list",
  "npm run errata -- keys revoke PREFIX [--all]",
];

const MAX_NAME_LENGTH = 100;

function isKeyScope(value: string): value is KeyScope {
  return (KEY_SCOPES as readonly string[]).includes(value);
}

export function parseScopes(raw: string | undefined): KeyScope[] {
  const names = (raw ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new CliError(`give at least one scope, e.g. --scopes ingest,read (valid: ${KEY_SCOPES.join(", ")})`);
  const unknown = names.filter((name) => !isKeyScope(name));
  if (unknown.length > 0) {
    throw new CliError(`unknown scope ${unknown.map((name) => `"${name}"`).join(", ")}; valid scopes: ${KEY_SCOPES.join(", ")}`);
  }
  return [...new Set(names.filter(isKeyScope))];
}

function parseName(raw: string | undefined): string {
  const name = raw?.trim() ?? "";
  if (name.length === 0) throw new CliError("give the key a name with --name, e.g. --name deploy-bot");
  if (name.length > MAX_NAME_LENGTH) throw new CliError(`--name must be at most ${MAX_NAME_LENGTH} characters (got ${name.length})`);
  return name;
}

/** Prints the secret alone on the last line so `... | tail -1` captures exactly the key. */
export function createKeyCommand(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { name: { type: "string" }, scopes: { type: "string" } }, strict: true });
  const name = parseName(values.name);
  const scopes = parseScopes(values.scopes);
  const { secret, key } = createApiKey({ name, scopes });
  io.out(`Created API key "${key.name}"`);
  io.out(`  prefix  ${key.prefix}`);
  io.out(`  scopes  ${key.scopes.join(", ")}`);
  io.out("Shown once — store it now. Errata keeps only a hash and cannot show it again:");
  io.out(secret);
  return 0;
}

function keyRow(key: ApiKeySummary): string[] {
  return [
    key.prefix,
    key.name,
    key.scopes.join(","),
    formatTime(key.createdAt),
    key.lastUsedAt === null ? "never" : formatTime(key.lastUsedAt),
    key.revokedAt === null ? "-" : formatTime(key.revokedAt),
  ];
}

export function listKeysCommand(args: string[], io: CliIo): number {
  parseArgs({ args, options: {}, strict: true });
  const keys = listApiKeys();
  if (keys.length === 0) {
    io.out(`No API keys yet. Create one with: ${KEYS_USAGE[0]}`);
    return 0;
  }
  for (const line of formatTable(["prefix", "name", "scopes", "created", "last used", "revoked"], keys.map(keyRow))) io.out(line);
  return 0;
}

/** Refuses a prefix that names several active keys unless --all says that is intended. */
export function revokeKeysCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, options: { all: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  const [prefix, ...extra] = positionals;
  if (!prefix?.trim() || extra.length > 0) throw new CliError(`give exactly one key prefix: ${KEYS_USAGE[2]}`);
  const matching = listApiKeys().filter((key) => key.revokedAt === null && key.prefix.startsWith(prefix));
  if (matching.length === 0) {
    io.err(`No active API key has a prefix starting with "${prefix}". See them with: npm run errata -- keys list`);
    return 1;
  }
  if (matching.length > 1 && !values.all) {
    io.err(`"${prefix}" matches ${matching.length} active keys; give a longer prefix, or add --all to revoke them all:`);
    for (const key of matching) io.err(`  ${key.prefix}  ${key.name}`);
    return 1;
  }
  // With one match, revoke by its full display prefix so a key created meanwhile is not swept up.
  const revoked = revokeApiKeysByPrefix(matching.length === 1 && matching[0] ? matching[0].prefix : prefix);
  for (const key of revoked) io.out(`Revoked ${key.prefix}  ${key.name}`);
  return revoked.length > 0 ? 0 : 1;
}

const subcommands = new Map<string, (args: string[], io: CliIo) => number>([
  ["create", createKeyCommand],
  ["list", listKeysCommand],
  ["revoke", revokeKeysCommand],
]);

export function keysCommand(args: string[], io: CliIo): number {
  const [name, ...rest] = args;
  const subcommand = name ? subcommands.get(name) : undefined;
  if (!subcommand) {
    io.err(name ? `unknown keys command "${name}". Usage:` : "Usage:");
    for (const line of KEYS_USAGE) io.err(`  ${line}`);
    return 1;
  }
  return subcommand(rest, io);
}
