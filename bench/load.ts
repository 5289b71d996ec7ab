import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ORG_PROFILES } from "@/lib/demo/orgs";
import { buildEventPool } from "./ingest-events";
import { snapshotBuild } from "./ingest-server";
import { openBackend, type Backend } from "./lib/load/backend";
import { createKey, seedDemo } from "./lib/load/cli";
import { drive, type DriverResult } from "./lib/load/driver";
import { recordWindowEdge, sampleMemory, startInstances, stopInstances, type Instance, type StoppedInstance } from "./lib/load/instances";
import { KnownIds } from "./lib/load/known-ids";
import { formatMix, mixScheduler, OPERATIONS } from "./lib/load/mix";
import { cpuPerRequestLine, errorLines, instanceTable, routeTable, rssTrailLines, totalErrors } from "./lib/load/report";
import { parseSettings, type LoadSettings } from "./lib/load/settings";
import { trafficPlanner } from "./lib/load/traffic";
import { load, machine } from "./lib/report";
import { runMain } from "./lib/run";

// `npm run bench:load [-- --duration 60 --concurrency 16 …]` (see bench/README.md, "Load"). Needs `npm run build` first.
// SQLite in a temp folder with one instance; with DATABASE_URL=postgres://… a fresh schema there and two instances.
// Exit status: 0 clean run; 1 any error answer, a stored-event count that does not add up, or an unclean shutdown; 2 a crash.

/** Stored ids read for lookups: enough that reads land all over the table, not on a few cached pages. */
const LOOKUP_SAMPLE = 20_000;
const RSS_EVERY_SECONDS = 10;

const log = (line = "") => console.log(line);
const count = (value: number) => value.toLocaleString("en-US");
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Keys and 30 days of demo traffic through the CLI, before any instance starts. */
async function prepare(backend: Backend, settings: LoadSettings) {
  let started = performance.now();
  const ingestKey = await createKey(backend.url, "bench-load-ingest", ["ingest"]);
  const readKey = await createKey(backend.url, "bench-load-read", ["read"]);
  log(`keys: one ingest, one read, made with \`errata keys create\` (${seconds(started)})`);
  started = performance.now();
  await seedDemo(backend.url, { events: settings.seedEvents, days: settings.seedDays, orgs: settings.orgs, seed: 42 });
  const before = await backend.countEvents();
  log(`seed: \`errata demo\` stored ${count(before)} events over ${settings.seedDays} days for ${settings.orgs} organizations (${seconds(started)})`);
  const knownIds = new KnownIds(await backend.sampleRequestIds(LOOKUP_SAMPLE));
  return { ingestKey, readKey, before, knownIds };
}

/** What must hold after the run: every acknowledged event stored once, rollups in step, no refusals, clean exits. */
async function problemsAfter(backend: Backend, before: number, result: DriverResult, stopped: readonly StoppedInstance[]): Promise<string[]> {
  const accepted = OPERATIONS.reduce((sum, operation) => sum + result.routes[operation].accepted, 0);
  const duplicates = OPERATIONS.reduce((sum, operation) => sum + result.routes[operation].duplicates, 0);
  const after = await backend.countEvents();
  const rolledUp = await backend.countRolledUp();
  log(`events stored: ${count(before)} before, ${count(after)} after; acknowledged during the run: ${count(accepted)} accepted, ${count(duplicates)} duplicates`);
  log(`check: ${count(before)} + ${count(accepted)} = ${count(before + accepted)} ${after === before + accepted ? "= stored ✓" : `≠ ${count(after)} stored ✗`}; hourly rollups count ${count(rolledUp)} ${rolledUp === after ? "✓" : "✗"}`);
  const problems: string[] = [];
  const errors = totalErrors(result);
  if (errors > 0) problems.push(`${count(errors)} requests failed (any non-2xx answer or network error counts):`, ...errorLines(result));
  if (after !== before + accepted) problems.push(`stored events: ${count(after)}, expected ${count(before)} seeded + ${count(accepted)} acknowledged`);
  if (duplicates > 0) problems.push(`${count(duplicates)} events were answered as duplicates, but every id sent was new`);
  if (rolledUp !== after) problems.push(`hourly rollups count ${count(rolledUp)} events, the events table holds ${count(after)}`);
  for (const [index, entry] of stopped.entries()) {
    if (!entry.clean) problems.push(`instance #${index + 1} did not stop cleanly on SIGTERM; its last output:\n${entry.instance.server.output().slice(-2_000)}`);
  }
  return problems;
}

async function main(): Promise<number> {
  const settings = parseSettings(process.argv.slice(2));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "errata-bench-load-"));
  let backend: Backend | undefined;
  let instances: Instance[] = [];
  try {
    const build = snapshotBuild(dir);
    backend = await openBackend(process.env.DATABASE_URL, dir);
    const loadBefore = load();
    log(`machine: ${machine()}; 1-min load before: ${loadBefore}`);
    log(`backend: ${backend.name} (${backend.label}); ${backend.instances} instance(s) of next start, build ${build.id} of ${build.builtAt.toISOString()}`);
    log(`load: ${settings.concurrency} virtual clients, ${settings.warmup} s warm-up + ${settings.duration} s measured; mix ${formatMix(settings.mix)}; batches of ${settings.batch}`);
    const { ingestKey, readKey, before, knownIds } = await prepare(backend, settings);

    instances = await startInstances(build.appDir, backend.url, backend.instances);
    log(`instances: ${instances.map((instance) => instance.baseUrl).join(", ")}; driving ...`);
    const plan = trafficPlanner({
      pool: buildEventPool(Date.now()),
      ingestKey,
      readKey,
      knownIds,
      orgIds: ORG_PROFILES.slice(0, settings.orgs).map((org) => org.id),
      batchSize: settings.batch,
    });
    sampleMemory(instances);
    const sampler = setInterval(() => sampleMemory(instances), RSS_EVERY_SECONDS * 1000);
    const result = await drive({
      targets: instances.map((instance) => instance.baseUrl),
      concurrency: settings.concurrency,
      warmupSeconds: settings.warmup,
      seconds: settings.duration,
      next: mixScheduler(settings.mix),
      plan,
      onStored: (id) => knownIds.add(id),
      onWindowEdge: (edge) => recordWindowEdge(instances, edge),
    });
    clearInterval(sampler);
    sampleMemory(instances);
    const stopped = await stopInstances(instances);
    instances = [];

    log("");
    for (const line of routeTable(result, settings.duration)) log(line);
    log("");
    for (const line of instanceTable(stopped, result, settings.duration)) log(line);
    for (const line of [cpuPerRequestLine(stopped, result), ...rssTrailLines(stopped, RSS_EVERY_SECONDS)]) log(line);
    log(`load generator: ${result.clientCores.toFixed(2)} cores of this machine's ${os.cpus().length}; 1-min load after: ${load()}`);
    const problems = await problemsAfter(backend, before, result, stopped);
    if (problems.length === 0) return 0;
    log("");
    for (const problem of problems) log(problem.startsWith("  ") ? problem : `  ✗ ${problem}`);
    return 1;
  } finally {
    // Also after a crash: no server left running, no schema left behind. (Ctrl-C reaches the servers
    // too, as they share the terminal's process group, but skips this: drop the schema by hand then.)
    await stopInstances(instances);
    await backend?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
