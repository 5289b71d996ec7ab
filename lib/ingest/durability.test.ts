import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { count, countDistinct, inArray, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/db/queries/api-keys";
import { wireEvent } from "@/lib/testing/ingest-fixtures";
import { useFreshDatabase, type TestDatabase } from "@/lib/testing/test-db";

/*
 * Issue 4's durability proof: a real server process is SIGKILLed while batches stream into it; after
 * a restart on the same database, every event that got a 202 is there, none twice, and each batch
 * is all-or-nothing. Retrying the unacknowledged batches then stores each event exactly once.
 * On SQLite the kill tests the WAL file; on PostgreSQL, that an acknowledgement is only sent once
 * the server has committed (a killed client's transactions roll back, a committed one stays).
 */

const SERVER = path.join(process.cwd(), "lib/ingest/testing/ingest-server.ts");
const CLIENTS = 4;
const BATCH = 200;
/** Acknowledged batches before the kill: enough that the stream is in full flow. */
const KILL_AFTER_ACKS = 12;

interface Sent {
  ids: string[];
  acked: boolean;
  /** Sent while the server was alive, so possibly received and committed before it died. */
  beforeKill: boolean;
}

let database: TestDatabase;
let key: string;
const running = new Set<ChildProcess>();

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", SERVER], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn", ERRATA_RATE_LIMIT_PER_SECOND: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

function postBatch(port: number, ids: readonly string[]): Promise<Response> {
  const events = ids.map((id, n) => wireEvent({ request_id: id, org_id: `org_${n % 7}`, code: `test.code_${n % 5}` }));
  return fetch(`http://127.0.0.1:${port}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
}

/** Clients send batches back to back; the server is killed, without warning, after a few acknowledgements. */
async function streamUntilKilled(port: number, child: ChildProcess): Promise<Sent[]> {
  const sent: Sent[] = [];
  let acks = 0;
  let killed = false;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const client = async (c: number) => {
    for (let b = 0; ; b++) {
      const batch: Sent = { ids: Array.from({ length: BATCH }, (_, e) => `req_c${c}_b${b}_e${e}`), acked: false, beforeKill: !killed };
      sent.push(batch);
      let answer: { status: number; body: unknown };
      try {
        const response = await postBatch(port, batch.ids);
        answer = { status: response.status, body: await response.json() };
      } catch (error) {
        if (!killed) throw error;
        return; // the connection died with the server: this batch is unacknowledged
      }
      expect(answer).toEqual({ status: 202, body: { accepted: BATCH, duplicates: 0 } });
      batch.acked = true;
      if (++acks === KILL_AFTER_ACKS) {
        killed = true;
        child.kill("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  await exited;
  return sent;
}

/** Read through this process's own connection to the database the servers write. */
async function storedCount(ids: readonly string[]): Promise<number> {
  const { db, t } = database;
  const [row] = await db.select({ n: count() }).from(t.events).where(inArray(t.events.requestId, [...ids]));
  return row?.n ?? 0;
}

async function totals() {
  const { db, t } = database;
  const [events] = await db.select({ events: count(), distinctIds: countDistinct(t.events.requestId) }).from(t.events);
  const [rollups] = await db.select({ rollupSum: sum(t.hourlyRollups.count).mapWith(Number) }).from(t.hourlyRollups);
  return { events: events?.events ?? 0, distinctIds: events?.distinctIds ?? 0, rollupSum: rollups?.rollupSum ?? 0 };
}

beforeAll(async () => {
  database = await useFreshDatabase();
  key = (await createApiKey({ name: "durability", scopes: ["ingest"] })).secret;
});

afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await database.cleanup();
});

describe("ingest durability across SIGKILL", () => {
  it("keeps every acknowledged event, stores none twice, and never part of a batch", async () => {
    const first = await startServer();
    const sent = await streamUntilKilled(first.port, first.child);
    expect(first.child.signalCode).toBe("SIGKILL");
    const acked = sent.filter((batch) => batch.acked);
    const unacked = sent.filter((batch) => !batch.acked);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // The other clients each had a batch on the wire when the process died.
    expect(unacked.filter((batch) => batch.beforeKill).length).toBeGreaterThanOrEqual(1);

    const second = await startServer();
    try {
      for (const batch of acked) expect(await storedCount(batch.ids)).toBe(BATCH);
      for (const batch of unacked) expect([0, BATCH]).toContain(await storedCount(batch.ids));
      const afterCrash = await totals();
      expect(afterCrash.distinctIds).toBe(afterCrash.events);
      expect(afterCrash.rollupSum).toBe(afterCrash.events);

      // A sender retries what was never acknowledged: each batch is either wholly new or wholly a duplicate.
      for (const batch of unacked) {
        const before = await storedCount(batch.ids);
        const response = await postBatch(second.port, batch.ids);
        expect(response.status).toBe(202);
        expect(await response.json()).toEqual(before === 0 ? { accepted: BATCH, duplicates: 0 } : { accepted: 0, duplicates: BATCH });
      }
      const resent = await postBatch(second.port, acked[0]?.ids ?? []);
      expect(await resent.json()).toEqual({ accepted: 0, duplicates: BATCH });

      const final = await totals();
      expect(final).toEqual({ events: sent.length * BATCH, distinctIds: sent.length * BATCH, rollupSum: sent.length * BATCH });
    } finally {
      second.child.kill("SIGKILL");
    }
  }, 60_000);
});
