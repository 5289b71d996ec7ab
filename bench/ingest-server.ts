import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** How a server ended: `forced` when it had not exited within the grace period after SIGTERM and was killed. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  forced: boolean;
}

/** `next start` of a production build, on a free loopback port and its own database. */
export interface BenchServer {
  port: number;
  /** The serving process (`next start` serves from its own process), for /proc readings. */
  pid: number | undefined;
  /** CPU seconds (user + system) the server has used, where /proc can tell (Linux). */
  cpuSeconds(): number | undefined;
  /** The last 20,000 characters the server printed, to show why it failed or did not stop cleanly. */
  output(): string;
  /** SIGTERM, then SIGKILL if the server has not exited within `graceMs` (default 5 s). */
  stop(graceMs?: number): Promise<ServerExit>;
}

/** The server's CPU time so far, from /proc; undefined where there is no /proc (not Linux). */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const READY_TIMEOUT_MS = 60_000;
/** What `next start` reads besides the build: its config and packages, and the migrations the app applies at start. */
const LINKED = ["node_modules", "package.json", "next.config.mjs", "db"];

/** The build in `appDir`, refusing a missing one or one without the routes measured. */
function describeBuild(appDir: string): { id: string; builtAt: Date } {
  const idFile = path.join(appDir, ".next", "BUILD_ID");
  if (!fs.existsSync(idFile)) throw new Error("No production build in .next: run `npm run build` first.");
  const manifest = fs.readFileSync(path.join(appDir, ".next", "server", "app-paths-manifest.json"), "utf8");
  for (const route of ["/api/health/route", "/api/v1/events/route"]) {
    if (!manifest.includes(`"${route}"`)) throw new Error(`The build in .next has no ${route}: run \`npm run build\` again.`);
  }
  return { id: fs.readFileSync(idFile, "utf8").trim(), builtAt: fs.statSync(idFile).mtime };
}

/**
 * Copies the project's production build (without its cache) into a private app folder whose other
 * entries link back to the project, so a `next build` started by someone else during the run (tests,
 * other benchmarks) cannot pull the build out from under the server.
 */
export function snapshotBuild(into: string): { appDir: string; id: string; builtAt: Date } {
  const root = process.cwd();
  const before = describeBuild(root);
  const appDir = path.join(into, "app");
  const cache = path.join(root, ".next", "cache");
  fs.mkdirSync(appDir);
  fs.cpSync(path.join(root, ".next"), path.join(appDir, ".next"), { recursive: true, filter: (source) => !source.startsWith(cache) });
  for (const entry of LINKED) fs.symlinkSync(path.join(root, entry), path.join(appDir, entry));
  const after = describeBuild(appDir);
  if (after.id !== before.id) throw new Error("The build changed while it was being copied (a `next build` is running?); try again.");
  return { appDir, ...before };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`next start did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts `next start` with `env` added last, so `env` may replace `DATABASE_URL` (bench:load points
 * instances at PostgreSQL that way; `databaseFile` is then unused). It stays in the benchmark's process group, so Ctrl-C in the
 * terminal ends it too; it serves from that one process (it renames itself `next-server`).
 */
export async function startNextServer(appDir: string, databaseFile: string, env: Record<string, string>): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: appDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", DATABASE_URL: `file:${databaseFile}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (graceMs = 5_000): Promise<ServerExit> => {
    let forced = false;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        forced = true;
        child.kill("SIGKILL");
      }, graceMs);
      await exited;
      clearTimeout(timer);
    }
    return { code: child.exitCode, signal: child.signalCode, forced };
  };
  try {
    await waitUntilHealthy(port, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: child.pid, stop, output: () => output, cpuSeconds: () => processCpuSeconds(child.pid) };
}
