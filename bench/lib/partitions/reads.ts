import type pg from "pg";
import { warmPlan } from "../backends/postgres-server";
import { summarize, type Timing } from "../measure";
import type { Layout } from "./layouts";

/*
 * The app's reads of events, as named prepared statements (parsed once per connection, as a
 * pooled server would keep them), each layout given the very same parameters in the same order.
 * The first `warmup` calls are not counted (preparation, the first touch of each index).
 */

export interface Read {
  key: string;
  label: string;
  sql: (table: string) => string;
  /** Parameters of each call: the warm-up's first, then the measured runs'. */
  params: readonly unknown[][];
  warmup: number;
}

export interface ReadFigures {
  timing: Timing;
  /** The last call's rows, sorted: the same parameters must give the same answer on both layouts. */
  answer: string;
}

export const LOOKUP = (table: string) => `select * from ${table} where request_id = $1 limit 1`;

/** The spike check's raw read (lib/trends): what each (org, code, status) did in a window. */
export const WINDOW_COUNTS = (table: string) =>
  `select org_id, code, http_status, count(*), min(occurred_at), max(occurred_at) from ${table}
   where occurred_at >= $1 and occurred_at < $2 group by 1, 2, 3`;

/** The drill-down list: an organization's newest events in a range (events_org_occurred_idx). */
export const ORG_RANGE = (table: string) =>
  `select * from ${table} where org_id = $1 and occurred_at >= $2 and occurred_at < $3 order by occurred_at desc limit 50`;

const canonical = (rows: readonly unknown[]) => JSON.stringify(rows.map((row) => JSON.stringify(row)).sort());

/**
 * Each call's parameters go to every layout in turn, who goes first alternating, so cache warmth
 * and background work (a checkpoint, another process) fall on both layouts alike.
 */
export async function measureRead(client: pg.Client, layouts: readonly Layout[], read: Read): Promise<ReadFigures[]> {
  const samples = layouts.map(() => [] as number[]);
  const answers = layouts.map(() => [] as unknown[]);
  for (const [call, values] of read.params.entries()) {
    const order = call % 2 === 0 ? [...layouts.keys()] : [...layouts.keys()].reverse();
    for (const index of order) {
      const table = layouts[index]!.table;
      const started = performance.now();
      const { rows } = await client.query({ name: `${read.key}_${table}`, text: read.sql(table), values });
      const elapsed = performance.now() - started;
      if (call >= read.warmup) samples[index]!.push(elapsed);
      answers[index] = rows;
    }
  }
  return layouts.map((_, index) => ({ timing: summarize(samples[index]!), answer: canonical(answers[index]!) }));
}

/** The warm plan of a read on a layout, indented under the layout's name. */
export async function explainRead(client: pg.Client, layout: Layout, sql: string, values: unknown[]): Promise<string[]> {
  return [`  ${layout.table}:`, ...(await warmPlan(client, sql, values)).map((line) => `    ${line}`)];
}
