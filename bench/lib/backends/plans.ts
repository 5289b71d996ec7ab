import pg from "pg";
import { formatCosts, statementCosts } from "../explain";
import { warmPlan } from "./postgres-server";

/*
 * How each backend runs a service's statements: the real statements the data layer sent, captured
 * with their parameters, then EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL and EXPLAIN QUERY PLAN (with
 * each statement timed alone, bench/lib/explain.ts) on SQLite.
 */

export interface Sent {
  text: string;
  values: unknown[];
  /** From handing the statement to node-postgres to its answer (NaN until answered). */
  ms: number;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Runs `work` and returns every statement it sent through node-postgres (drizzle's pool hands each
 * query to a pg.Client, with a callback; inside a transaction drizzle awaits the client's promise),
 * with its parameters and how long its answer took. The prototype is restored even if `work` throws.
 */
export async function captureSent(work: () => Promise<unknown>): Promise<Sent[]> {
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const sent: Sent[] = [];
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
    if (!text) return original.apply(this, args);
    const entry: Sent = { text, values: Array.isArray(values) ? values : ((config as { values?: unknown[] }).values ?? []), ms: Number.NaN };
    sent.push(entry);
    const started = performance.now();
    const answered = () => {
      entry.ms = performance.now() - started;
    };
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (...results: unknown[]) => unknown;
      args[callbackAt] = (...results: unknown[]) => {
        answered();
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(answered, answered);
    return result;
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return sent;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** EXPLAIN (ANALYZE, BUFFERS) of each distinct statement `work` sends that `only` matches, run twice: the second (warm) plan is shown. */
export async function postgresPlans(url: string, work: () => Promise<unknown>, only: RegExp = /./): Promise<string[]> {
  const sent = (await captureSent(work)).filter(({ text }) => only.test(text));
  const seen = new Set<string>();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    for (const { text, values } of sent) {
      const key = `${text}\u0000${JSON.stringify(values)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const shown = oneLine(text);
      lines.push(`    ${shown.slice(0, 240)}${shown.length > 240 ? " …" : ""}`);
      lines.push(`      parameters: ${JSON.stringify(values).slice(0, 200)}`);
      for (const line of await warmPlan(client, text, values)) lines.push(`      ${line}`);
    }
    return lines;
  } finally {
    await client.end();
  }
}

/** SQLite's plan and time alone for each statement `work` runs on the app's connection. */
export async function sqlitePlans(label: string, work: () => Promise<unknown>): Promise<string[]> {
  const started = performance.now();
  await work();
  return formatCosts(label, performance.now() - started, await statementCosts(work));
}
