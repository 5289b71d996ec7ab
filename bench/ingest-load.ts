import http from "node:http";

/*
 * A small closed-loop load generator: `concurrency` clients on keep-alive connections, each sending
 * its next request as soon as the previous answer has been read. Loopback only. Answers during the
 * warm-up are not counted; requests still in flight when the window closes are awaited, not counted.
 */

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  next: () => LoadRequest;
  /** CPU seconds the server process has used so far, if it can be read (Linux /proc). */
  serverCpuSeconds?: () => number | undefined;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Answers by HTTP status, warm-up included, so a refusal anywhere is visible. */
  statuses: Record<number, number>;
  /** Sum of a numeric field of the JSON answers (e.g. `accepted`), warm-up included. */
  summed: number;
  p50Ms: number;
  p99Ms: number;
  /** Cores busy during the measured window: the server's, and this load generator's own. */
  serverCores?: number;
  clientCores: number;
}

function send(agent: http.Agent, port: number, request: LoadRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers["content-length"] = Buffer.byteLength(request.body);
    const outgoing = http.request({ host: "127.0.0.1", port, method: request.method, path: request.path, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export async function runLoad(options: LoadOptions, sumField?: string): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const started = performance.now();
  const measureFrom = started + options.warmupSeconds * 1000;
  const measureTo = measureFrom + options.seconds * 1000;
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];
  let completed = 0;
  let summed = 0;
  // CPU use over exactly the measured window: it tells a starved server (others busy) from a saturated one.
  const cpu = { server: [] as (number | undefined)[], client: [] as NodeJS.CpuUsage[] };
  const sampleCpu = () => {
    cpu.server.push(options.serverCpuSeconds?.());
    cpu.client.push(process.cpuUsage());
  };
  const timers = [setTimeout(sampleCpu, measureFrom - started), setTimeout(sampleCpu, measureTo - started)];

  const client = async () => {
    while (performance.now() < measureTo) {
      const request = options.next();
      const sentAt = performance.now();
      const { status, body } = await send(agent, options.port, request);
      const answeredAt = performance.now();
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (sumField && status < 300) summed += Number((JSON.parse(body) as Record<string, unknown>)[sumField] ?? 0);
      // Throughput counts answers inside the window (steady state: no bias at either edge).
      if (answeredAt >= measureFrom && answeredAt <= measureTo) {
        completed += 1;
        if (sentAt >= measureFrom) latencies.push(answeredAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  timers.forEach(clearTimeout);
  const [serverFrom, serverTo] = cpu.server;
  const [clientFrom, clientTo] = cpu.client;
  const clientMicros = clientFrom && clientTo ? clientTo.user + clientTo.system - clientFrom.user - clientFrom.system : Number.NaN;

  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: completed,
    seconds: options.seconds,
    perSecond: completed / options.seconds,
    statuses,
    summed,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    serverCores: serverFrom !== undefined && serverTo !== undefined ? (serverTo - serverFrom) / options.seconds : undefined,
    clientCores: clientMicros / 1e6 / options.seconds,
  };
}
