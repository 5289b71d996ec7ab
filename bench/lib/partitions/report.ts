import { markdownTable, ms } from "../report";
import type { IngestFigures } from "./ingest";
import type { IndexRole, Layout } from "./layouts";
import type { Read, ReadFigures } from "./reads";
import type { RetentionFigures } from "./retention";
import { mib, type Sizes } from "./sizes";

export interface LayoutFigures {
  layout: Layout;
  reads: ReadFigures[];
  ingest: IngestFigures;
  retention: RetentionFigures;
  sizes: Sizes;
}

const count = (n: number) => n.toLocaleString("en-US");
const INDEX_ROLES: readonly IndexRole[] = ["primary key", "request id", "org + time", "code + time", "time"];

function retentionRows(figures: readonly LayoutFigures[]): string[][] {
  const days = figures[0]?.retention.days.length ?? 0;
  const rows = Array.from({ length: days }, (_, day) => [
    `retention: delete day ${day + 1} (oldest first), one statement, ms (rows)`,
    ...figures.map(({ retention }) => {
      const deleted = retention.days[day];
      return deleted ? `${ms(deleted.ms)} (${count(deleted.rows)})` : "—";
    }),
  ]);
  rows.push(["retention: vacuum after those deletes, ms", ...figures.map(({ retention }) => ms(retention.vacuumMs))]);
  rows.push([
    "retention: detach + drop the oldest month partition, ms (rows in it)",
    ...figures.map(({ retention: { drop } }) => (drop ? `${ms(drop.detachMs)} + ${ms(drop.dropMs)} (${count(drop.rows)})` : "— (no partitions)")),
  ]);
  return rows;
}

function sizeRows(figures: readonly LayoutFigures[]): string[][] {
  const layoutNote = (role: IndexRole) => (role === "time" ? " (BRIN | btree per partition)" : role === "request id" ? " (unique; + occurred_at when partitioned)" : "");
  return [
    ["size: table (heap + TOAST)", ...figures.map(({ sizes }) => mib(sizes.table))],
    ...INDEX_ROLES.map((role) => [`size: index ${role}${layoutNote(role)}`, ...figures.map(({ sizes }) => mib(sizes.indexes[role]))]),
    ["size: total (pg_total_relation_size)", ...figures.map(({ sizes }) => mib(sizes.total))],
  ];
}

/** The comparison as a Markdown table, one column per layout. */
export function figuresTable(reads: readonly Read[], figures: readonly LayoutFigures[], batch: number): string[] {
  const header = ["ms: median / p99 unless said", ...figures.map(({ layout }) => layout.table)];
  const body = [
    ...reads.map((read, index) => [read.label, ...figures.map((f) => `${ms(f.reads[index]!.timing.median)} / ${ms(f.reads[index]!.timing.p99)}`)]),
    [`ingest: batch of ${batch}, unnest + on conflict`, ...figures.map(({ ingest }) => `${ms(ingest.batch.median)} / ${ms(ingest.batch.p99)}`)],
    ["ingest: µs per stored row (time in statements / rows)", ...figures.map(({ ingest }) => `${ingest.microsPerRow.toFixed(0)} (${count(ingest.rows)} rows)`)],
    ...retentionRows(figures),
    ...sizeRows(figures),
  ];
  return markdownTable(header, body);
}

/** Reads whose last call (same parameters on every layout) answered differently, and ingests that stored a different number of rows. */
export function disagreements(reads: readonly Read[], figures: readonly LayoutFigures[]): string[] {
  const [first, ...rest] = figures;
  if (!first) return [];
  const problems: string[] = [];
  for (const other of rest) {
    reads.forEach((read, index) => {
      if (first.reads[index]!.answer !== other.reads[index]!.answer) problems.push(`${read.label}: ${first.layout.table} and ${other.layout.table} answer differently`);
    });
    if (first.ingest.rows !== other.ingest.rows) problems.push(`ingest stored ${first.ingest.rows} rows in ${first.layout.table}, ${other.ingest.rows} in ${other.layout.table}`);
  }
  return problems;
}

/** What the figures cannot show by themselves. */
export const NOTES = [
  "- events_monthly's request-id index is unique on (request_id, occurred_at): PostgreSQL requires the partition key in every unique index of a partitioned table. " +
    "So request_id is unique per partition and per occurred_at only; the app's exactly-once storage across instances (`insert … on conflict (request_id) do nothing`) " +
    "cannot be written on it. Its ingest here uses `on conflict (request_id, occurred_at) do nothing`, which catches only a retry with the same occurred_at, and no conflict across partitions.",
  "- A lookup by request id names no occurred_at, so on events_monthly nothing is pruned: it probes the partitions' request-id indexes one after another until one holds the id.",
  "- events_monthly has a btree on occurred_at in each partition: pruning alone would leave the last-hour read scanning a whole month. Its size and its cost at ingest are in the figures.",
  "- Reads are named prepared statements on one connection, warm cache (warm-up calls unmeasured), the layouts taking turns call by call with the same parameters; times from performance.now() around the client's query. " +
    "Ingest rows copy stored events' shapes with new request ids (`req_` + 24 hex) and occurred_at = now; each batch commits with the server's synchronous_commit; the layouts alternate batch by batch.",
  "- Retention: the app prunes in small batches and writes a tombstone per event (pruned_events), on either layout; one DELETE per day stands in for that here. " +
    "Deletes leave dead tuples that vacuum must clear (the vacuum row: the whole table for events_brin, only the partitions the days fell in for events_monthly). " +
    "A month partition can be dropped only once all of it is past the retention, so events would stay up to a month longer, and the tombstones still have to be written from it first. " +
    "With a default partition, DETACH … CONCURRENTLY is refused: the detach locks the events table (ACCESS EXCLUSIVE), briefly.",
];
