import type pg from "pg";
import type { IndexRole, Layout } from "./layouts";

/** On-disk bytes of a layout, each relation summed over its leaf partitions (a plain table or index is its own only leaf). */
export interface Sizes {
  /** Heap and TOAST of every partition (pg_table_size). */
  table: number;
  indexes: Record<IndexRole, number>;
  /** pg_total_relation_size of every partition: table, TOAST and indexes. */
  total: number;
}

export async function measureSizes(client: pg.Client, layout: Layout): Promise<Sizes> {
  const sum = async (expression: string, relation: string) => {
    const { rows } = await client.query<{ bytes: string }>(
      `with leaves as (select relid from pg_partition_tree($1::regclass) where isleaf)
       select coalesce(sum(${expression}), 0) as bytes
       from (select relid from leaves union all select $1::regclass where not exists (select from leaves)) as relations`,
      [relation],
    );
    return Number(rows[0]?.bytes ?? 0);
  };
  const indexes = {} as Record<IndexRole, number>;
  for (const { role, name } of layout.indexes) indexes[role] = await sum("pg_relation_size(relid)", name);
  return {
    table: await sum("pg_table_size(relid)", layout.table),
    indexes,
    total: await sum("pg_total_relation_size(relid)", layout.table),
  };
}

export const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 2 : 0)} MiB`;
