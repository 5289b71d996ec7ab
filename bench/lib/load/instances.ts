import { startNextServer, type BenchServer, type ServerExit } from "../../ingest-server";
import { readMemory, type MemoryReading } from "./memory";

/**
 * The rate limiter stays on, so its cost (on PostgreSQL without Redis, a database write per ingest
 * request) is part of what is measured, with limits the virtual clients never reach: a 429 would be
 * the benchmark's own doing, not the server's.
 */
const SERVER_ENV = { ERRATA_RATE_LIMIT_PER_SECOND: "1000000", ERRATA_RATE_LIMIT_BURST: "1000000" };

export interface Instance {
  server: BenchServer;
  baseUrl: string;
  /** Memory when the measured window opened (seeded, warmed up). */
  memoryAtStart?: MemoryReading;
  /** CPU seconds used at the window's edges. */
  cpuAtStart?: number;
  cpuAtEnd?: number;
}

export interface StoppedInstance {
  instance: Instance;
  /** The last reading before SIGTERM, once every answer was in: its VmHWM is the whole run's peak. */
  memoryAtEnd?: MemoryReading;
  exit: ServerExit;
  /** From SIGTERM to exit. */
  stopSeconds: number;
  /**
   * Exited by itself after SIGTERM through Next's shutdown handler, which stops accepting, lets
   * requests in flight finish, closes the server and then exits with 143 (128 + SIGTERM) on purpose;
   * its `process.exit` runs the app's exit hooks (the API keys' last-used flush). 0 is accepted too,
   * for a server that handles the signal itself. Killed by the signal, or by SIGKILL after 5 s, is not clean.
   */
  clean: boolean;
}

const CLEAN_EXIT_CODES: readonly (number | null)[] = [0, 143];

/**
 * Starts `count` `next start` processes of the snapshot in `appDir`, all on `databaseUrl`, one after
 * the other (each waits for /api/health), so they do not race for a port or the first migration.
 */
export async function startInstances(appDir: string, databaseUrl: string, count: number): Promise<Instance[]> {
  const instances: Instance[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const server = await startNextServer(appDir, "", { ...SERVER_ENV, DATABASE_URL: databaseUrl });
      instances.push({ server, baseUrl: `http://127.0.0.1:${server.port}` });
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

/** SIGTERM to every instance at once (a rolling deploy's worst case); each gets 5 s before SIGKILL. */
export async function stopInstances(instances: readonly Instance[]): Promise<StoppedInstance[]> {
  return Promise.all(
    instances.map(async (instance) => {
      const memoryAtEnd = readMemory(instance.server.pid);
      const stopping = performance.now();
      const exit = await instance.server.stop();
      const stopSeconds = (performance.now() - stopping) / 1000;
      return { instance, memoryAtEnd, exit, stopSeconds, clean: CLEAN_EXIT_CODES.includes(exit.code) && !exit.forced };
    }),
  );
}
