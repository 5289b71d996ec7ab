/*
 * Command-line numbers shared by the benches: whole numbers of at least 1 ("5_000_000" reads as
 * 5000000), and the options of a bench/lib/fill.ts fill, so each bench names its data alike.
 */

/** Option `name`'s whole number of at least 1, or `fallback` when absent; `usage` ends the error. */
export function positiveWhole(name: string, value: string | undefined, fallback: number, usage: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive whole number (got "${value}")\n${usage}`);
  return parsed;
}

/** parseArgs options of a fill: `--events`, `--orgs`, `--days`, `--seed`. */
export const FILL_ARGS = {
  events: { type: "string" },
  orgs: { type: "string" },
  days: { type: "string" },
  seed: { type: "string" },
} as const;

export interface FillArgs {
  events: number;
  orgs: number;
  days: number;
  seed: number;
}

/** The fill's options from parsed FILL_ARGS; by default 5 M events of 200 organizations over 30 days. */
export function fillArgs(values: Partial<Record<keyof typeof FILL_ARGS, string>>, usage: string): FillArgs {
  return {
    events: positiveWhole("events", values.events, 5_000_000, usage),
    orgs: positiveWhole("orgs", values.orgs, 200, usage),
    days: positiveWhole("days", values.days, 30, usage),
    seed: positiveWhole("seed", values.seed, 1, usage),
  };
}
