import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { runRetentionPass } from "@/lib/retention/prune-pass";
import { retentionSettings } from "@/lib/retention/settings";
import { formatCount, formatTime, type CliIo } from "./io";
import { dispatchSubcommand, type Subcommand } from "./subcommands";

export const RETENTION_USAGE = ["npm run errata -- retention run"];

/**
 * One complete retention pass now, as the server runs every minute: the same small batches and
 * pauses, so a server using the same database keeps ingesting meanwhile.
 */
export async function runRetentionCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const settings = retentionSettings();
  const totals = await runRetentionPass({ now: Date.now(), settings, pause: (ms) => sleep(ms) });
  io.out(
    `Deleted ${formatCount(totals.events)} events that occurred before ${formatTime(totals.cutoffs.events)} ` +
      `(ERRATA_RETENTION_DAYS=${settings.eventDays})${totals.events > 0 ? "; their request pages now say they were pruned" : ""}.`,
  );
  io.out(`Deleted ${formatCount(totals.rollups)} hourly rollups and ${formatCount(totals.tombstones)} tombstones from before ${formatTime(totals.cutoffs.rollups)}.`);
  if (totals.leftToAnotherInstance) io.out("Another instance was pruning at the same time; it deletes the rest.");
  return 0;
}

const subcommands = new Map<string, Subcommand>([["run", runRetentionCommand]]);

export function retentionCommand(args: string[], io: CliIo): Promise<number> | number {
  return dispatchSubcommand("retention", subcommands, RETENTION_USAGE, args, io);
}
