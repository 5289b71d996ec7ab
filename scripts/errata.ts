import { closeDatabase } from "@/db/client";
import { processIo } from "./cli/io";
import { main } from "./cli/main";

// Entry point of `npm run errata -- <command>` (see scripts/cli/usage.ts and API.md "Command line").
// Runs under tsx with the react-server condition, which turns db/'s `server-only` guard into a no-op.

// `errata demo | head` closes stdout early; by then the work is done, so stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

// An async function rather than top-level await: tsx runs this file as CommonJS (no "type": "module").
async function run(): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2), processIo);
  } catch (error) {
    // A bad setting (e.g. DATABASE_URL) already reads as a sentence; anything else keeps its stack.
    const configProblem = error instanceof Error && error.message.startsWith("Invalid Errata configuration");
    processIo.err(configProblem ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

void run();
