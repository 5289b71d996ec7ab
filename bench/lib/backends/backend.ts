import { getTableColumns, type Table } from "drizzle-orm";
import type { Column, FillMeta } from "../fill";

/** A filled database of one backend, ready to be measured through the app's data layer. */
export interface FilledBackend {
  name: "SQLite" | "PostgreSQL";
  /** DATABASE_URL the app's data layer is pointed at (`useDatabase`). */
  url: string;
  meta: FillMeta;
  /** Whether an earlier run's fill was reused. */
  reused: boolean;
  /** Version, settings, sizes and row counts, for the report; called while the app is pointed at `url`. */
  facts(): Promise<string[]>;
  /** Removes what should not outlive the run (the PostgreSQL schema, unless kept). */
  dispose(): Promise<void>;
}

/**
 * A drizzle table's columns in the shape `deriveFromColumns` reads (SQLite's `table_info`), for
 * either backend's tables: the schema the app migrates is the one the fill must follow.
 */
export function tableColumns(table: Table): Column[] {
  return Object.values(getTableColumns(table)).map((column) => ({
    name: column.name,
    notnull: column.notNull,
    dflt_value: column.hasDefault ? "default" : null,
  }));
}
