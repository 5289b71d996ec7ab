import type pg from "pg";
import type { Source } from "./source";

/*
 * The two layouts issue 7 weighs, built from the same rows in the same (time) order, indexes built
 * after the load on both so neither carries bloat the other does not.
 *
 * - events_brin: the app's table (db/schema-pg/events.ts): BRIN on occurred_at, unique request_id.
 * - events_monthly: range-partitioned by calendar month (UTC) plus a default partition. Pruning
 *   alone would leave a last-hour read scanning a whole month, so each partition gets a btree on
 *   occurred_at, partitioning's usual companion. PostgreSQL only accepts a unique index on a
 *   partitioned table if it holds the partition key: request_id is unique per (request_id,
 *   occurred_at), which no longer stops the same request id being stored twice.
 */

export type IndexRole = "primary key" | "request id" | "org + time" | "code + time" | "time";

export interface Layout {
  table: string;
  /** One line for the report: how the table is laid out and indexed. */
  description: string;
  /** What `insert … on conflict (…) do nothing` can name: the only unique index the layout has. */
  conflictTarget: string;
  indexes: readonly { role: IndexRole; name: string }[];
  /** Leaf partitions in time order with their bounds (none for a plain table; the default last, unbounded). */
  partitions: readonly { table: string; from?: number; to?: number }[];
}

const COPY_LIKE = "including defaults including identity including constraints including storage including compression";

/** Start of each UTC calendar month from the one holding `from` to the one after the one holding `to`. */
function monthBounds(from: number, to: number): number[] {
  const first = new Date(from);
  const bounds: number[] = [];
  for (let month = first.getUTCMonth(); ; month++) {
    const start = Date.UTC(first.getUTCFullYear(), month, 1);
    bounds.push(start);
    if (start > to) return bounds;
  }
}

const monthName = (start: number) => new Date(start).toISOString().slice(0, 7).replace("-", "_");

function appIndexes(table: string, unique: string, primary: string, time: string): string[] {
  return [
    `alter table ${table} add constraint ${table}_pkey primary key (${primary})`,
    `create unique index ${table}_request_id on ${table} (${unique})`,
    `create index ${table}_org_occurred on ${table} (org_id, occurred_at)`,
    `create index ${table}_code_occurred on ${table} (code, occurred_at)`,
    `create index ${table}_occurred on ${table} ${time}`,
  ];
}

const indexesOf = (table: string): Layout["indexes"] => [
  { role: "primary key", name: `${table}_pkey` },
  { role: "request id", name: `${table}_request_id` },
  { role: "org + time", name: `${table}_org_occurred` },
  { role: "code + time", name: `${table}_code_occurred` },
  { role: "time", name: `${table}_occurred` },
];

function brinLayout(): { layout: Layout; create: string[]; indexes: string[] } {
  const table = "events_brin";
  return {
    layout: {
      table,
      description: "one table; BRIN on occurred_at; unique btree on request_id (the app's layout)",
      conflictTarget: "request_id",
      indexes: indexesOf(table),
      partitions: [],
    },
    create: [],
    indexes: appIndexes(table, "request_id", "id", "using brin (occurred_at)"),
  };
}

function monthlyLayout(source: Source): { layout: Layout; create: string[]; indexes: string[] } {
  const table = "events_monthly";
  const bounds = monthBounds(source.from, source.to);
  const months = bounds.slice(0, -1).map((from, index) => ({ table: `${table}_${monthName(from)}`, from, to: bounds[index + 1]! }));
  return {
    layout: {
      table,
      description: `partition by range (occurred_at): ${months.length} calendar months UTC + default; btree on occurred_at per partition; unique (request_id, occurred_at)`,
      conflictTarget: "request_id, occurred_at",
      indexes: indexesOf(table),
      partitions: [...months, { table: `${table}_default` }],
    },
    create: [
      ...months.map((month) => `create table ${month.table} partition of ${table} for values from (${month.from}) to (${month.to})`),
      `create table ${table}_default partition of ${table} default`,
    ],
    // The partition key joins every unique index: PostgreSQL refuses a unique index without it.
    indexes: appIndexes(table, "request_id, occurred_at", "id, occurred_at", "(occurred_at)"),
  };
}

/** Builds both layouts in the client's schema (its search_path) from the source's events. */
export async function buildLayouts(client: pg.Client, source: Source, log: (line: string) => void): Promise<Layout[]> {
  const from = `${client.escapeIdentifier(source.schema)}.events`;
  // Scratch copies: no need to wait for the WAL on each commit, and room to sort index builds in memory.
  await client.query("set synchronous_commit = off");
  await client.query("set maintenance_work_mem = '512MB'");
  const built: Layout[] = [];
  for (const { layout, create, indexes } of [brinLayout(), monthlyLayout(source)]) {
    const started = performance.now();
    const partitioned = layout.partitions.length > 0 ? " partition by range (occurred_at)" : "";
    await client.query(`create table ${layout.table} (like ${from} ${COPY_LIKE})${partitioned}`);
    for (const statement of create) await client.query(statement);
    await client.query(`insert into ${layout.table} overriding system value select * from ${from} order by occurred_at, id`);
    for (const statement of indexes) await client.query(statement);
    await client.query(`select setval(pg_get_serial_sequence('${layout.table}', 'id'), (select max(id) from ${layout.table}))`);
    log(`  ${layout.table}: copied and indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    built.push(layout);
  }
  await client.query("reset synchronous_commit");
  await client.query("reset maintenance_work_mem");
  // What autovacuum would do soon after such a load (statistics, visibility map), done now so it
  // does not start in the middle of the measurements; the checkpoint likewise.
  await client.query(`vacuum (analyze) ${built.map((layout) => layout.table).join(", ")}`);
  await client.query("checkpoint");
  return built;
}
