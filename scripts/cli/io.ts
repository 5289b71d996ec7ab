/** Where a command writes; tests pass a collector, the CLI passes stdout/stderr. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A mistake in the command line itself: reported on stderr with exit status 1, no stack trace. */
export class CliError extends Error {}

export type Command = (args: string[], io: CliIo) => number | Promise<number>;

/** node:util parseArgs reports bad options as TypeErrors carrying an ERR_PARSE_ARGS_* code. */
function isParseArgsError(error: unknown): error is TypeError {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}

/** Runs a command, turning usage mistakes into a message and exit status 1. */
export async function runCommand(command: Command, args: string[], io: CliIo): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof CliError || isParseArgsError(error)) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Left-aligned columns separated by two spaces; the header row is upper-cased. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header.map((cell) => cell.toUpperCase()), ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd());
}

/** "2026-03-18 15:20 UTC": minutes are enough for key listings and summaries. */
export function formatTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** A whole number option within bounds, or a CliError naming the option. */
export function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new CliError(`--${name} must be a whole number from ${formatCount(min)} to ${formatCount(max)} (got "${value}")`);
  }
  return parsed;
}
