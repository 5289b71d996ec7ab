import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withSearchPath } from "@/lib/testing/test-db";
import { onTestServer, postgresAnswers, testPostgresUrl } from "@/lib/testing/postgres-test-server";
import { openPostgres } from "./open";

const reachable = await postgresAnswers(testPostgresUrl());
const schema = `test_${process.pid}_migrate_${randomBytes(3).toString("hex")}`;
const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db/migrations-pg/meta/_journal.json"), "utf8")) as { entries: unknown[] };

describe.skipIf(!reachable)(`PostgreSQL migrations (server at ${new URL(testPostgresUrl()).host})`, () => {
  afterAll(async () => {
    await onTestServer((client) => client.query(`drop schema if exists ${schema} cascade`));
  });

  it("are applied once when several instances start together (advisory lock)", async () => {
    await onTestServer((client) => client.query(`create schema ${schema}`));
    const url = withSearchPath(testPostgresUrl(), schema);
    // Four "instances" opening at the same moment: without the lock, two would both find the
    // schema empty and the second's CREATE TABLE would fail.
    const handles = await Promise.all(Array.from({ length: 4 }, () => openPostgres(url, 2)));
    try {
      const applied = await onTestServer((client) => client.query<{ n: number }>(`select count(*)::int as n from ${schema}.__drizzle_migrations`));
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
      const tables = await onTestServer((client) => client.query<{ name: string }>("select tablename as name from pg_tables where schemaname = $1", [schema]));
      expect(tables.rows.map((row) => row.name)).toEqual(expect.arrayContaining(["events", "hourly_rollups", "users", "sessions", "api_keys"]));
    } finally {
      await Promise.all(handles.map((handle) => handle.pool.end()));
    }
  });
});

if (!reachable) console.warn(`[errata] PostgreSQL does not answer at ${new URL(testPostgresUrl()).host}: migration-lock test skipped.`);
