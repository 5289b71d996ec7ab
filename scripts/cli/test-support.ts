import type { CliIo } from "./io";
import { main } from "./main";

/** What one CLI invocation did: its exit status and what it wrote, as lines and as text. */
export interface CliRun {
  status: number;
  out: string[];
  outText: string;
  err: string[];
  errText: string;
}

/** Runs `errata ...argv` in-process; a write holding several lines counts as those lines. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (text) => out.push(...text.split("\n")), err: (text) => err.push(...text.split("\n")) };
  const status = await main(argv, io);
  return { status, out, outText: out.join("\n"), err, errText: err.join("\n") };
}
