import { bigint, customType } from "drizzle-orm/pg-core";

/*
 * Column shapes shared by the PostgreSQL tables. They store what the SQLite schema (db/schema/)
 * stores, so rows read the same in TypeScript whatever the backend: times as epoch milliseconds in
 * a bigint, JSON as jsonb.
 */

/** Epoch milliseconds; `mode: "number"` is exact up to 2^53, far past any date Errata stores. */
export const epochMs = (name: string) => bigint(name, { mode: "number" });

/**
 * Epoch milliseconds read and written as `Date`, for better-auth's tables (the SQLite schema's
 * `timestamp_ms` mode): the same stored value as every other time column, so raw SQL compares
 * them alike on both backends.
 */
export const epochMsDate = customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * Text ordered byte by byte (collation "C"), like SQLite's BINARY: request-id prefix ranges
 * (`>= prefix AND < prefix || U+FFFF`) and id order then mean the same on both backends, and the
 * btree index serves them whatever the database's default collation.
 */
export const byteOrderedText = customType<{ data: string; driverData: string }>({
  dataType: () => `text collate "C"`,
});
