import { demoCommand } from "./demo";
import { runCommand, type CliIo, type Command } from "./io";
import { keysCommand } from "./keys";
import { retentionCommand } from "./retention";
import { USAGE } from "./usage";
import { usersCommand } from "./users";

const commands = new Map<string, Command>([
  ["keys", keysCommand],
  ["users", usersCommand],
  ["demo", demoCommand],
  ["retention", retentionCommand],
]);

/** Dispatches one command line; returns the exit status instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return 0;
  }
  const command = commands.get(name);
  if (!command) {
    io.err(`error: unknown command "${name}"\n`);
    io.err(USAGE);
    return 1;
  }
  return runCommand(command, args, io);
}
