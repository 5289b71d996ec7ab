import { LatencyHistogram } from "./latency";
import { OPERATIONS, type Operation } from "./mix";
import type { PlannedRequest } from "./traffic";

/*
 * The virtual clients: a fixed number, each sending its next request as soon as the previous answer
 * has been read (closed loop), over keep-alive connections (fetch keeps them per origin). Requests
 * go to the instances in turn, as a round-robin load balancer would send them.
 *
 * Throughput and latency count answers inside the measured window, after the warm-up (first
 * requests compile and fill caches). Errors, `accepted` and `duplicates` count every answer, the
 * warm-up and the requests still in flight at the end included: the stored-event check must add up
 * everything the server acknowledged, and a refusal anywhere is an error.
 */

export interface RouteFigures {
  /** Answered within the measured window. */
  requests: number;
  /** Events accepted within the measured window (ingest). */
  eventsInWindow: number;
  latency: LatencyHistogram;
  /** Whole run: non-2xx answers by status, and failed requests by error code (`network ECONNRESET`). */
  errors: Record<string, number>;
  /** Whole run (ingest): events the server acknowledged as stored, and as already stored. */
  accepted: number;
  duplicates: number;
}

export interface DriverOptions {
  /** Base URLs of the instances, e.g. `http://127.0.0.1:43121`. */
  targets: readonly string[];
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  next(): Operation;
  plan(operation: Operation): PlannedRequest;
  /** Called once per acknowledged single event, with its id. */
  onStored(id: string): void;
  /** Called once when the measured window opens and once when it closes (CPU and memory readings). */
  onWindowEdge(edge: "start" | "end"): void;
}

export interface DriverResult {
  routes: Record<Operation, RouteFigures>;
  /** Requests sent to each target over the whole run. */
  perTarget: number[];
  /** CPU this process used during the window, in cores (it shares the machine with the servers). */
  clientCores: number;
}

function emptyFigures(): RouteFigures {
  return { requests: 0, eventsInWindow: 0, latency: new LatencyHistogram(), errors: {}, accepted: 0, duplicates: 0 };
}

function errorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return `network ${cause?.code ?? (error instanceof Error ? error.name : "error")}`;
}

export async function drive(options: DriverOptions): Promise<DriverResult> {
  const routes = Object.fromEntries(OPERATIONS.map((operation) => [operation, emptyFigures()])) as Record<Operation, RouteFigures>;
  const perTarget = options.targets.map(() => 0);
  const started = performance.now();
  const measureFrom = started + options.warmupSeconds * 1000;
  const measureTo = measureFrom + options.seconds * 1000;
  const cpu: NodeJS.CpuUsage[] = [];
  const edge = (which: "start" | "end") => () => {
    cpu.push(process.cpuUsage());
    options.onWindowEdge(which);
  };
  const timers = [setTimeout(edge("start"), measureFrom - started), setTimeout(edge("end"), measureTo - started)];
  let sent = 0;

  const client = async () => {
    while (performance.now() < measureTo) {
      const request = options.plan(options.next());
      const target = sent++ % options.targets.length;
      perTarget[target]! += 1;
      const figures = routes[request.operation];
      const sentAt = performance.now();
      let status = 0;
      let body = "";
      try {
        const response = await fetch(`${options.targets[target]}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
        status = response.status;
        body = await response.text();
      } catch (error) {
        const code = errorCode(error);
        figures.errors[code] = (figures.errors[code] ?? 0) + 1;
        // A dead or refusing instance fails at once: pausing keeps the client from spinning on it for the rest of the run.
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const answeredAt = performance.now();
      let accepted = 0;
      if (status < 200 || status > 299) {
        figures.errors[String(status)] = (figures.errors[String(status)] ?? 0) + 1;
      } else if (request.events > 0) {
        const answer = JSON.parse(body) as { accepted?: number; duplicates?: number };
        accepted = answer.accepted ?? 0;
        figures.accepted += accepted;
        figures.duplicates += answer.duplicates ?? 0;
        if (request.id !== undefined && accepted === 1) options.onStored(request.id);
      }
      if (answeredAt >= measureFrom && answeredAt <= measureTo) {
        figures.requests += 1;
        figures.eventsInWindow += accepted;
        if (sentAt >= measureFrom) figures.latency.record(answeredAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  timers.forEach(clearTimeout);
  const [from, to] = cpu;
  const clientCores = from && to ? (to.user + to.system - from.user - from.system) / 1e6 / options.seconds : Number.NaN;
  return { routes, perTarget, clientCores };
}
