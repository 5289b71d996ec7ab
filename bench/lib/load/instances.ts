import { startNextServer, type BenchServer, type ServerExit } from "../../ingest-server";
import { readMemory, type MemoryReading } from "./memory";

/**
 * As `npm start` runs the server: NEXT_MANUAL_SIG_HANDLE hands SIGTERM to Errata's own shutdown
 * (drain requests and queued commits, flush, close the database, exit 0) instead of Next's, which
 * exits 143 without draining. The rate limiter stays on, so its cost (on PostgreSQL without Redis, a
 * database write per ingest request) is part of what is measured, with limits the virtual clients
 * never reach: a 429 would be the benchmark's own doing, not the server's.
 */
const SERVER_ENV = { NEXT_MANUAL_SIG_HANDLE: "true", ERRATA_RATE_LIMIT_PER_SECOND: "1000000", ERRATA_RATE_LIMIT_BURST: "1000000" };

/** Longer than the server's own shutdown deadline (ERRATA_SHUTDOWN_TIMEOUT_MS, 10 s), so its verdict is seen, not ours. */
export const STOP_GRACE_SECONDS = 15;

export interface Instance {
  server: BenchServer;
  baseUrl: string;
  /** Memory when the measured window opened (seeded, warmed up). */
  memoryAtStart?: MemoryReading;
  /** CPU seconds used at the window's edges. */
  cpuAtStart?: number;
  cpuAtEnd?: number;
  /** RSS read every few seconds through the run: whether memory levels off or keeps growing. */
  rssTrail: number[];
}

export interface StoppedInstance {
  instance: Instance;
  /** The last reading before SIGTERM, once every answer was in: its VmHWM is the whole run's peak. */
  memoryAtEnd?: MemoryReading;
  exit: ServerExit;
  /** From SIGTERM to exit. */
  stopSeconds: number;
  /**
   * Exited by itself with 0 after SIGTERM: Errata's shutdown finished every drain step in time. Exit 1
   * (a step failed or its deadline passed), 143 (Next's own handler: nothing drained) or a kill is not clean.
   */
  clean: boolean;
}

/**
 * Starts `count` `next start` processes of the snapshot in `appDir`, all on `databaseUrl`, one after
 * the other (each waits for /api/health), so they do not race for a port or the first migration.
 */
export async function startInstances(appDir: string, databaseUrl: string, count: number): Promise<Instance[]> {
  const instances: Instance[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const server = await startNextServer(appDir, "", { ...SERVER_ENV, DATABASE_URL: databaseUrl });
      instances.push({ server, baseUrl: `http://127.0.0.1:${server.port}`, rssTrail: [] });
    }
  } catch (error) {
    await stopInstances(instances);
    throw error;
  }
  return instances;
}

/** Reads each instance's CPU (and, as the window opens, memory) at an edge of the measured window. */
export function recordWindowEdge(instances: readonly Instance[], edge: "start" | "end"): void {
  for (const instance of instances) {
    const cpu = instance.server.cpuSeconds();
    if (edge === "start") Object.assign(instance, { memoryAtStart: readMemory(instance.server.pid), cpuAtStart: cpu });
    else instance.cpuAtEnd = cpu;
  }
}

/** Appends each instance's current RSS to its trail. */
export function sampleMemory(instances: readonly Instance[]): void {
  for (const instance of instances) {
    const reading = readMemory(instance.server.pid);
    if (reading) instance.rssTrail.push(reading.rssBytes);
  }
}

/** SIGTERM to every instance at once (a rolling deploy's worst case); SIGKILL to any still running after the grace period. */
export async function stopInstances(instances: readonly Instance[]): Promise<StoppedInstance[]> {
  return Promise.all(
    instances.map(async (instance) => {
      const memoryAtEnd = readMemory(instance.server.pid);
      const stopping = performance.now();
      const exit = await instance.server.stop(STOP_GRACE_SECONDS * 1000);
      const stopSeconds = (performance.now() - stopping) / 1000;
      return { instance, memoryAtEnd, exit, stopSeconds, clean: exit.code === 0 && !exit.forced };
    }),
  );
}
