import diagnostics from "node:diagnostics_channel";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { InFlightRequests, REQUEST_START_CHANNEL, trackInFlightRequests } from "./in-flight-requests";

/*
 * A real node:http server, as `next start` runs one: the tracker learns of it only through Node's
 * diagnostics channel, never by being handed it.
 */

const servers: http.Server[] = [];
const subscriptions: ((message: unknown) => void)[] = [];

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
  for (const listener of subscriptions.splice(0)) diagnostics.unsubscribe(REQUEST_START_CHANNEL, listener);
});

/** A tracker of this test's own, fed by the same channel as the process's. */
function freshTracker(): InFlightRequests {
  const tracker = new InFlightRequests();
  const listener = (message: unknown) => tracker.onRequestStart(message as Parameters<InFlightRequests["onRequestStart"]>[0]);
  diagnostics.subscribe(REQUEST_START_CHANNEL, listener);
  subscriptions.push(listener);
  return tracker;
}

/** A server whose answers wait for `release()`; `arrived` resolves once the n-th request is in the handler. */
async function slowServer() {
  const waiting: (() => void)[] = [];
  let onArrival: (() => void) | undefined;
  const server = http.createServer((_request, response) => {
    waiting.push(() => response.end("done"));
    onArrival?.();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    arrived: (count: number) =>
      new Promise<void>((resolve) => {
        onArrival = () => waiting.length >= count && resolve();
        onArrival();
      }),
    release: () => waiting.splice(0).forEach((answer) => answer()),
  };
}

function get(port: number, agent?: http.Agent): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
      })
      .on("error", reject);
  });
}

describe("in-flight requests", () => {
  it("counts the requests being answered and resolves drain only after the last one is answered", async () => {
    const tracker = freshTracker();
    const server = await slowServer();
    const answers = [get(server.port), get(server.port)];
    await server.arrived(2);
    expect(tracker.count).toBe(2);

    let drained = false;
    const draining = tracker.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);

    server.release();
    const finished = await Promise.all(answers);
    await draining;
    expect(finished.map((answer) => answer.body)).toEqual(["done", "done"]);
    expect(tracker.count).toBe(0);
  });

  it("stops taking connections and tells keep-alive clients to go, while the open request still completes", async () => {
    const tracker = freshTracker();
    const server = await slowServer();
    const agent = new http.Agent({ keepAlive: true });
    const open = get(server.port, agent);
    await server.arrived(1);

    const draining = tracker.drain();
    await expect(get(server.port)).rejects.toMatchObject({ code: "ECONNREFUSED" });

    server.release();
    const answer = await open;
    await draining;
    expect(answer).toMatchObject({ status: 200, body: "done", connection: "close" });
    agent.destroy();
  });

  it("resolves at once when nothing is in flight", async () => {
    await expect(freshTracker().drain()).resolves.toBeUndefined();
  });

  it("is one tracker per process, however many bundles ask for it", () => {
    expect(trackInFlightRequests()).toBe(trackInFlightRequests());
  });
});
