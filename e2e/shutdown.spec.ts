import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { startNextServer, type BenchServer } from "../bench/ingest-server";
import { audioTooLarge } from "./fixtures/events";
import { createKeyWithCli } from "./fixtures/keys";

/*
 * SIGTERM to the production server while an ingest request is in flight, as an orchestrator stops
 * an instance. The suite's own server must keep running, so this starts a `next start` of its own
 * (free port, own SQLite file) with NEXT_MANUAL_SIG_HANDLE as `npm start` sets it, and signals that
 * process directly: the exit code checked is the server's, not npm's.
 */

test.describe.configure({ mode: "serial", timeout: 120_000 });

const DATABASE_FILE = `data/e2e-shutdown-${randomBytes(4).toString("hex")}.db`;
const BATCH_SIZE = 300;

let server: BenchServer;
let key: string;

test.beforeAll(async () => {
  key = createKeyWithCli("shutdown", "ingest", `file:./${DATABASE_FILE}`);
  server = await startNextServer(process.cwd(), DATABASE_FILE, { NEXT_MANUAL_SIG_HANDLE: "true", LOG_LEVEL: "info" });
});

test.afterAll(async () => {
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A POST whose body is held back until `sendBody()`. It asks for `100 Continue`, which Node's HTTP
 * server sends as it hands the request to Next.js: once `accepted` resolves, the request is in flight.
 */
function heldSubmission(port: number, body: string) {
  let sendBody = () => {};
  let accepted!: Promise<void>;
  const answered = new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/events",
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    accepted = new Promise((resolve) => request.once("continue", resolve));
    sendBody = () => request.end(body);
  });
  return { accepted, answered, sendBody: () => sendBody() };
}

async function refusesConnections(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/health`);
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
  }
}

function storedCount(requestIds: string[]): number {
  const db = new Database(DATABASE_FILE, { readonly: true });
  try {
    const placeholders = requestIds.map(() => "?").join(", ");
    return db.prepare(`SELECT count(*) FROM events WHERE request_id IN (${placeholders})`).pluck().get(...requestIds) as number;
  } finally {
    db.close();
  }
}

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("GET /api/ready: the database answers with every migration applied", async ({ request }) => {
  const response = await request.get(`http://127.0.0.1:${server.port}/api/ready`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ready", database: { dialect: "sqlite", migrations: expect.any(Number) } });
});

test("SIGTERM during an ingest request: new connections are refused, the request is answered 202 and stored, the process exits 0", async () => {
  const events = Array.from({ length: BATCH_SIZE }, () => audioTooLarge({ message: `Audio exceeds the configured maximum ${"·".repeat(800)}` }));
  const submission = heldSubmission(server.port, JSON.stringify({ events }));
  await submission.accepted;

  const stopped = server.stop();
  await expect.poll(() => refusesConnections(server.port), { message: "the server stops taking connections", timeout: 5_000 }).toBe(true);
  submission.sendBody();

  const answer = await submission.answered;
  expect(answer.status, answer.body).toBe(202);
  expect(JSON.parse(answer.body)).toEqual({ accepted: BATCH_SIZE, duplicates: 0 });
  // The connection is not kept for another request to a process that is going away.
  expect(answer.headers.connection).toBe("close");

  const exit = await stopped;
  expect(exit, server.output()).toEqual({ code: 0, signal: null, forced: false });
  expect(storedCount(events.map((event) => event.request_id))).toBe(BATCH_SIZE);

  const lines = jsonLines(server.output());
  expect(lines).toContainEqual(
    expect.objectContaining({ msg: "request completed", method: "POST", path: "/api/v1/events", status: 202, request_id: answer.headers["x-request-id"] }),
  );
  expect(lines.at(-1)).toMatchObject({ msg: "shutdown complete", signal: "SIGTERM" });
});
