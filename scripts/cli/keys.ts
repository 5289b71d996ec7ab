import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKeysByPrefix, type ApiKeySummary } from "@/db/queries/api-keys";
import { KEY_SCOPES, type KeyScope } from "@/lib/auth/api-key-secret";
import { parseExpiry } from "@/lib/auth/key-expiry";
import { keyStatus } from "@/lib/auth/key-status";
import { CliError, formatTable, formatTime, type CliIo } from "./io";
import { dispatchSubcommand, type Subcommand } from "./subcommands";

export const KEYS_USAGE = [
  "npm run errata -- keys create --name NAME --scopes ingest,read [--signing-secret] [--expires 2027-01-31|30d]",
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

export function parseExpiresOption(raw: string | undefined, now: number): number | null {
  if (raw === undefined) return null;
  const result = parseExpiry(raw, now);
  if (!result.ok) throw new CliError(`--expires: ${result.problem}`);
  return result.expiresAt;
}

const CREATE_OPTIONS = {
  name: { type: "string" },
  scopes: { type: "string" },
  "signing-secret": { type: "boolean", default: false },
  expires: { type: "string" },
} as const;

/**
 * Prints the key alone on the last line so `... | tail -1` captures exactly the key; a signing
 * secret is printed on a line of its own above it, as `signing secret: whsec_…`.
 */
export async function createKeyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: CREATE_OPTIONS, strict: true });
  const now = Date.now();
  const name = parseName(values.name);
  const scopes = parseScopes(values.scopes);
  const expiresAt = parseExpiresOption(values.expires, now);
  const created = await createApiKey({ name, scopes, expiresAt, signingSecret: values["signing-secret"], now });
  const { key } = created;
  io.out(`Created API key "${key.name}"`);
  io.out(`  prefix   ${key.prefix}`);
  io.out(`  scopes   ${key.scopes.join(", ")}`);
  io.out(`  expires  ${key.expiresAt === null ? "never" : formatTime(key.expiresAt)}`);
  if (created.signingSecret !== null) {
    io.out("Submissions with this key must carry Errata-Signature (README: Signed webhooks). Shown once:");
    io.out(`signing secret: ${created.signingSecret}`);
  }
  io.out("Shown once — store it now. Errata keeps only a hash and cannot show it again:");
  io.out(created.secret);
  return 0;
}

function statusText(key: ApiKeySummary, now: number): string {
  const status = keyStatus(key, now);
  return status === "revoked" && key.revokedAt !== null ? `revoked ${formatTime(key.revokedAt)}` : status;
}

function keyRow(key: ApiKeySummary, now: number): string[] {
  return [
    key.prefix,
    key.name,
    key.scopes.join(","),
    key.hasSigningSecret ? "yes" : "no",
    formatTime(key.createdAt),
    key.lastUsedAt === null ? "never" : formatTime(key.lastUsedAt),
    key.expiresAt === null ? "never" : formatTime(key.expiresAt),
    statusText(key, now),
  ];
}

const LIST_HEADER = ["prefix", "name", "scopes", "signed", "created", "last used", "expires", "status"];

export async function listKeysCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const keys = await listApiKeys();
  if (keys.length === 0) {
    io.out(`No API keys yet. Create one with: ${KEYS_USAGE[0]}`);
    return 0;
  }
  const now = Date.now();
  for (const line of formatTable(LIST_HEADER, keys.map((key) => keyRow(key, now)))) io.out(line);
  return 0;
}

/** Refuses a prefix that names several active keys unless --all says that is intended. */
export async function revokeKeysCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  const [prefix, ...extra] = positionals;
  if (!prefix?.trim() || extra.length > 0) throw new CliError(`give exactly one key prefix: ${KEYS_USAGE[2]}`);
  const matching = (await listApiKeys()).filter((key) => key.revokedAt === null && key.prefix.startsWith(prefix));
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
  const revoked = await revokeApiKeysByPrefix(matching.length === 1 && matching[0] ? matching[0].prefix : prefix);
  for (const key of revoked) io.out(`Revoked ${key.prefix}  ${key.name}`);
  return revoked.length > 0 ? 0 : 1;
}

const subcommands = new Map<string, Subcommand>([
  ["create", createKeyCommand],
  ["list", listKeysCommand],
  ["revoke", revokeKeysCommand],
]);

export function keysCommand(args: string[], io: CliIo): number | Promise<number> {
  return dispatchSubcommand("keys", subcommands, KEYS_USAGE, args, io);
}
