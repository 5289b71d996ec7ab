import { parseArgs } from "node:util";
import type { z } from "zod";
import { listUsers } from "@/db/queries/users";
import { ROLES } from "@/lib/session/roles";
import { createUser } from "@/lib/users/create-user";
import { createSetupLink } from "@/lib/users/setup-links";
import { emailField, nameField, passwordField, roleField } from "@/lib/users/user-input";
import { CliError, formatTable, formatTime, type CliIo } from "./io";
import { dispatchSubcommand, type Subcommand } from "./subcommands";

export const USERS_USAGE = [
  "npm run errata -- users create --email EMAIL --role admin|agent [--name NAME] [--password-stdin]",
  "npm run errata -- users list",
];

/** Reads the whole of standard input: a password piped in stays out of the shell history and `ps`. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function parseOrFail<T>(option: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`--${option}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

const CREATE_OPTIONS = {
  email: { type: "string" },
  role: { type: "string" },
  name: { type: "string" },
  "password-stdin": { type: "boolean", default: false },
} as const;

/**
 * Without --password-stdin, prints a one-time setup link where the person chooses their own
 * password (there is no default password anywhere); with it, creates the account at once.
 */
export async function createUserCommand(args: string[], io: CliIo, readPassword: () => Promise<string> = readStdin): Promise<number> {
  const { values } = parseArgs({ args, options: CREATE_OPTIONS, strict: true });
  if (values.email === undefined) throw new CliError(`give the person's e-mail address: ${USERS_USAGE[0]}`);
  if (values.role === undefined) throw new CliError(`give a role with --role (${ROLES.join(" or ")})`);
  const email = parseOrFail("email", emailField, values.email);
  const role = parseOrFail("role", roleField, values.role);
  if (!values["password-stdin"]) {
    const link = await createSetupLink({ email, role, createdBy: null });
    io.out(`Invitation for ${email} (${role}). Send them this one-time link; it works until ${formatTime(link.expiresAt)}:`);
    io.out(link.url);
    return 0;
  }
  const name = parseOrFail("name", nameField, values.name ?? email.split("@")[0]);
  const password = parseOrFail("password-stdin", passwordField, await readPassword());
  const result = await createUser({ email, name, password, role });
  if (!result.ok) {
    io.err(`${email} already has an account. See them with: npm run errata -- users list`);
    return 1;
  }
  io.out(`Created ${result.user.role} ${result.user.email}. They can sign in now.`);
  return 0;
}

export async function listUsersCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const users = await listUsers();
  if (users.length === 0) {
    io.out(`No users yet. Create the first admin with: ${USERS_USAGE[0]}`);
    return 0;
  }
  const rows = users.map((user) => [user.email, user.name, user.role, user.deactivated ? "deactivated" : "active", formatTime(user.createdAt)]);
  for (const line of formatTable(["email", "name", "role", "status", "created"], rows)) io.out(line);
  return 0;
}

const subcommands = new Map<string, Subcommand>([
  ["create", (args, io) => createUserCommand(args, io)],
  ["list", listUsersCommand],
]);

export function usersCommand(args: string[], io: CliIo): Promise<number> | number {
  return dispatchSubcommand("users", subcommands, USERS_USAGE, args, io);
}
