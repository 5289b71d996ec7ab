import type pg from "pg";
import { requestIdSource, type Random } from "@/lib/demo/random";
import { summarize, type Timing } from "../measure";
import type { Layout } from "./layouts";
import type { SampledEvent } from "./source";

/*
 * Ingest as db/queries/store-events-postgres.ts sends it: one array per column through unnest(),
 * `on conflict … do nothing`, one statement and commit per batch (the server's synchronous_commit).
 * Rows copy the shapes of stored events (so widths and organizations are real) with fresh request
 * ids and occurred_at = now, so they land at the hot end: the last BRIN range, the current month.
 * The layouts take turns batch by batch, so a checkpoint or a neighbour's burst hits both alike.
 */

const COLUMNS: readonly (readonly [name: string, type: string, value: (row: SampledEvent) => unknown])[] = [
  ["org_id", "text", (r) => r.orgId],
  ["code", "text", (r) => r.code],
  ["http_status", "integer", (r) => r.httpStatus],
  ["message", "text", (r) => r.message],
  ["details", "jsonb", (r) => r.details],
  ["service", "text", (r) => r.service],
  ["method", "text", (r) => r.method],
  ["path", "text", (r) => r.path],
  ["environment", "text", (r) => r.environment],
  ["catalog_flag", "text", (r) => r.catalogFlag],
];

function insertSql(layout: Layout): string {
  const names = ["request_id", ...COLUMNS.map(([name]) => name), "occurred_at", "received_at"];
  const types = ["text", ...COLUMNS.map(([, type]) => type), "bigint", "bigint"];
  return `insert into ${layout.table} (${names.join(", ")})
    select * from unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(", ")})
    on conflict (${layout.conflictTarget}) do nothing`;
}

export interface IngestFigures {
  batch: Timing;
  rows: number;
  /** Time inside the statements over rows stored, µs. */
  microsPerRow: number;
}

export async function measureIngest(
  client: pg.Client,
  layouts: readonly Layout[],
  shapes: readonly SampledEvent[],
  options: { batches: number; batch: number },
  random: Random,
): Promise<IngestFigures[]> {
  const nextId = requestIdSource(random);
  const samples = layouts.map(() => [] as number[]);
  const rows = layouts.map(() => 0);
  for (let round = 0; round < options.batches; round++) {
    for (const [index, layout] of layouts.entries()) {
      const batch = Array.from({ length: options.batch }, (_, n) => shapes[(round * options.batch + n) % shapes.length]!);
      const now = Date.now();
      const values = [batch.map(() => nextId()), ...COLUMNS.map(([, , value]) => batch.map(value)), batch.map(() => now), batch.map(() => now)];
      const started = performance.now();
      const result = await client.query({ name: `ingest_${layout.table}`, text: insertSql(layout), values });
      samples[index]!.push(performance.now() - started);
      rows[index]! += result.rowCount ?? 0;
    }
  }
  return layouts.map((_, index) => {
    const total = samples[index]!.reduce((sum, ms) => sum + ms, 0);
    return { batch: summarize(samples[index]!), rows: rows[index]!, microsPerRow: (1000 * total) / Math.max(1, rows[index]!) };
  });
}
