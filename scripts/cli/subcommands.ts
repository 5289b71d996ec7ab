import type { CliIo } from "./io";

export type Subcommand = (args: string[], io: CliIo) => number | Promise<number>;

/** Runs `group NAME ...rest`, or prints the group's usage (exit 1) for a missing or unknown NAME. */
export function dispatchSubcommand(
  group: string,
  subcommands: ReadonlyMap<string, Subcommand>,
  usage: readonly string[],
  args: string[],
  io: CliIo,
): number | Promise<number> {
  const [name, ...rest] = args;
  const subcommand = name ? subcommands.get(name) : undefined;
  if (!subcommand) {
    io.err(name ? `unknown ${group} command "${name}". Usage:` : "Usage:");
    for (const line of usage) io.err(`  ${line}`);
    return 1;
  }
  return subcommand(rest, io);
}
