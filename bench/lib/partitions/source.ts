import type pg from "pg";
import { SCHEMA_PREFIX } from "../backends/postgres-server";

/*
 * The rows both layouts are built from: a finished fill of bench:backends (`--keep`), read only.
 * Its comment is written last, so a schema without one never finished filling.
 */

export interface Source {
  schema: string;
  events: number;
  /** Oldest and newest occurred_at (epoch ms); the newest is the data's "now". */
  from: number;
  to: number;
  minId: number;
  maxId: number;
}

/** A sampled stored event: a known request id, and a row shape for ingest to copy. */
export interface SampledEvent {
  requestId: string;
  orgId: string;
  code: string;
  httpStatus: number;
  message: string | null;
  /** jsonb as text, so it travels back through a `jsonb[]` parameter unchanged. */
  details: string | null;
  service: string | null;
  method: string | null;
  path: string | null;
  environment: string | null;
  catalogFlag: string | null;
}

export async function newestKeptSchema(client: pg.Client): Promise<string | undefined> {
  const { rows } = await client.query<{ schema: string }>(
    `select nspname as schema from pg_namespace
     where starts_with(nspname, $1) and obj_description(oid, 'pg_namespace') is not null order by 1 desc limit 1`,
    [SCHEMA_PREFIX],
  );
  return rows[0]?.schema;
}

export async function describeSource(client: pg.Client, schema: string): Promise<Source> {
  const { rows } = await client.query<Record<"events" | "from" | "to" | "min_id" | "max_id", string>>(
    `select count(*) as events, min(occurred_at) as from, max(occurred_at) as to, min(id) as min_id, max(id) as max_id
     from ${client.escapeIdentifier(schema)}.events`,
  );
  const row = rows[0];
  if (!row || Number(row.events) === 0) throw new Error(`${schema}.events holds no events`);
  return { schema, events: Number(row.events), from: Number(row.from), to: Number(row.to), minId: Number(row.min_id), maxId: Number(row.max_id) };
}

/**
 * Up to `count` stored events at row ids drawn by `draw` (uniform over the ids, so organizations
 * come weighted by their volume and request ids spread over the whole unique index), in draw order.
 */
export async function sampleEvents(client: pg.Client, source: Source, count: number, draw: () => number): Promise<SampledEvent[]> {
  const ids = new Set<number>();
  const span = source.maxId - source.minId + 1;
  while (ids.size < Math.min(count, span)) ids.add(source.minId + Math.floor(draw() * span));
  const { rows } = await client.query<SampledEvent & { id: string }>(
    `select id, request_id as "requestId", org_id as "orgId", code, http_status as "httpStatus", message, details::text as details,
            service, method, path, environment, catalog_flag as "catalogFlag"
     from ${client.escapeIdentifier(source.schema)}.events where id = any($1::bigint[])`,
    [[...ids]],
  );
  const byId = new Map(rows.map(({ id, ...event }) => [Number(id), event]));
  return [...ids].flatMap((id) => byId.get(id) ?? []);
}
