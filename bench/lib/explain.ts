import { sqliteConnection } from "@/db/client";
import { captureStatements } from "@/lib/testing/raw-sqlite";
import { summarize } from "./measure";

export interface StatementCost {
  sql: string;
  /** Median of repeated runs of this statement alone, with the parameters the service used. */
  ms: number;
  rows: number;
  plan: string;
}

/**
 * Where a service's time goes: each statement it ran, timed alone, with SQLite's plan. What the
 * statements do not account for is JavaScript (drizzle's row mapping, bucketing, sorting).
 */
export async function statementCosts(work: () => unknown, runs = 20): Promise<StatementCost[]> {
  const sqlite = await sqliteConnection();
  const seen = new Set<string>();
  return (await captureStatements(sqlite, work)).flatMap(({ sql, params }) => {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const statement = sqlite.prepare(sql);
    if (!statement.reader) return [];
    let rows = 0;
    const samples: number[] = [];
    for (let n = 0; n < runs + 2; n++) {
      const started = performance.now();
      rows = statement.all(...params).length;
      if (n >= 2) samples.push(performance.now() - started);
    }
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(" | ");
    return [{ sql: sql.replace(/\s+/g, " ").trim(), ms: summarize(samples).median, rows, plan }];
  });
}

/** Statements listed one by one; the rest (per-pair lookups, say) are summed. */
const SHOWN = 6;

export function formatCosts(answer: string, total: number, costs: readonly StatementCost[]): string[] {
  const inSql = costs.reduce((sum, cost) => sum + cost.ms, 0);
  const lines = [`  ${answer}: ${total.toFixed(1)} ms median, of which ${inSql.toFixed(1)} ms in ${costs.length} distinct SQL statements:`];
  const sorted = [...costs].sort((a, b) => b.ms - a.ms);
  for (const cost of sorted.slice(0, SHOWN)) {
    lines.push(`    ${cost.ms.toFixed(1).padStart(6)} ms  ${String(cost.rows).padStart(6)} rows  ${cost.sql.slice(0, 160)}${cost.sql.length > 160 ? " …" : ""}`);
    lines.push(`                           plan: ${cost.plan}`);
  }
  const rest = sorted.slice(SHOWN);
  if (rest.length > 0) lines.push(`    ${rest.reduce((sum, cost) => sum + cost.ms, 0).toFixed(1).padStart(6)} ms  in ${rest.length} more statements`);
  return lines;
}
