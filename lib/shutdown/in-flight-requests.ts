import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/** Published by node:http for every request a server receives (Node's built-in diagnostics channels). */
export const REQUEST_START_CHANNEL = "http.server.request.start";

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
  server: Server;
}

/**
 * Every request the process's HTTP servers are answering: pages, server actions and API alike.
 * Next.js gives the app no handle on its server, but node:http announces each request with its
 * server, which is what closing that server when shutdown begins needs.
 */
export class InFlightRequests {
  private readonly open = new Set<ServerResponse>();
  private readonly servers = new Set<Server>();
  private draining = false;
  private whenIdle: (() => void)[] = [];

  get count(): number {
    return this.open.size;
  }

  readonly onRequestStart = ({ response, server }: RequestStart): void => {
    this.servers.add(server);
    this.open.add(response);
    if (this.draining) askToCloseConnection(response);
    response.once("close", () => this.finished(response, server));
  };

  /**
   * Stops accepting connections, closes idle keep-alive ones, and resolves once every request
   * already received has been answered (or its client went away).
   */
  drain(): Promise<void> {
    this.draining = true;
    for (const server of this.servers) {
      server.close();
      server.closeIdleConnections();
    }
    for (const response of this.open) askToCloseConnection(response);
    return this.open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.whenIdle.push(resolve));
  }

  private finished(response: ServerResponse, server: Server): void {
    this.open.delete(response);
    if (!this.draining) return;
    // Its connection is idle now; closing it keeps the client from sending another request on it.
    server.closeIdleConnections();
    if (this.open.size > 0) return;
    for (const resolve of this.whenIdle.splice(0)) resolve();
  }
}

/**
 * A server that stopped listening still reads further requests from open keep-alive connections;
 * `Connection: close` makes Node end each one after the answer being written.
 */
function askToCloseConnection(response: ServerResponse): void {
  if (!response.headersSent) response.setHeader("Connection", "close");
}

const globalForRequests = globalThis as unknown as { errataInFlightRequests?: InFlightRequests };

/** Starts counting the process's requests (once per process; later calls return the same tracker). */
export function trackInFlightRequests(): InFlightRequests {
  if (!globalForRequests.errataInFlightRequests) {
    const tracker = new InFlightRequests();
    diagnostics.subscribe(REQUEST_START_CHANNEL, (message) => tracker.onRequestStart(message as RequestStart));
    globalForRequests.errataInFlightRequests = tracker;
  }
  return globalForRequests.errataInFlightRequests;
}
