import { parseArgs } from "node:util";
import { DEFAULT_MIX, parseMix, type Mix } from "./mix";

export const USAGE =
  "npm run bench:load -- [--duration 60] [--warmup 5] [--concurrency 16] [--seed-events 300000] [--batch 100] [--mix batch=10,single=45,lookup=30,trends=10,spikes=5]";

export interface LoadSettings {
  /** Measured seconds, after the warm-up. */
  duration: number;
  warmup: number;
  /** Virtual clients, across all instances. */
  concurrency: number;
  /** Events the demo seeds before the run (its spike comes on top). */
  seedEvents: number;
  /** Days the seeded events span: the trend reads ask for 30. */
  seedDays: number;
  /** Organizations seeded; ingest and trend reads use the same ones. */
  orgs: number;
  batch: number;
  mix: Mix;
}

function numberOption(name: string, value: string | undefined, fallback: number, { min, integer }: { min: number; integer: boolean }): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || (integer && !Number.isInteger(parsed))) {
    throw new Error(`--${name} must be ${integer ? "a whole number" : "a number"} of at least ${min} (got "${value}")\n${USAGE}`);
  }
  return parsed;
}

export function parseSettings(argv: readonly string[]): LoadSettings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      concurrency: { type: "string" },
      "seed-events": { type: "string" },
      batch: { type: "string" },
      mix: { type: "string" },
    },
    strict: true,
  });
  return {
    duration: numberOption("duration", values.duration, 60, { min: 1, integer: false }),
    warmup: numberOption("warmup", values.warmup, 5, { min: 0, integer: false }),
    concurrency: numberOption("concurrency", values.concurrency, 16, { min: 1, integer: true }),
    // The demo command's own bounds.
    seedEvents: numberOption("seed-events", values["seed-events"], 300_000, { min: 100, integer: true }),
    seedDays: 30,
    // The demo's default eight, which are also the organizations of the ingest event pool.
    orgs: 8,
    batch: numberOption("batch", values.batch, 100, { min: 1, integer: true }),
    mix: values.mix === undefined ? DEFAULT_MIX : parseMix(values.mix),
  };
}
