import { parseArgs } from "node:util";
import { storeEvents } from "@/db/queries/events";
import { setOrganizationNames } from "@/db/queries/organizations";
import { catalogFlagFor } from "@/lib/catalog";
import { exampleRequests } from "@/lib/demo/examples";
import { DEFAULT_TRAFFIC, generateTraffic, SPIKE_WINDOW_MS, type DemoTraffic } from "@/lib/demo/generate-traffic";
import { MAX_ORGS } from "@/lib/demo/orgs";
import { describeDatabase } from "@/lib/describe-database";
import { env } from "@/lib/env";
import { formatCount, formatTable, integerOption, type CliIo } from "./io";

export const DEMO_USAGE = "npm run errata -- demo [--days 30] [--orgs 8] [--seed 42] [--events 50000]";

/** storeEvents runs one transaction per call: 1,000 rows keeps each short while rollups stay exact. */
const BATCH_SIZE = 1000;

interface StoreTotals {
  accepted: number;
  duplicates: number;
  unknownCode: number;
  detailsMismatch: number;
}

async function store(traffic: DemoTraffic): Promise<StoreTotals> {
  const totals: StoreTotals = { accepted: 0, duplicates: 0, unknownCode: 0, detailsMismatch: 0 };
  for (let start = 0; start < traffic.events.length; start += BATCH_SIZE) {
    const batch = traffic.events.slice(start, start + BATCH_SIZE).map((event) => {
      const catalogFlag = catalogFlagFor(event.code, event.details);
      if (catalogFlag === "unknown_code") totals.unknownCode++;
      if (catalogFlag === "details_mismatch") totals.detailsMismatch++;
      return { ...event, catalogFlag };
    });
    const result = await storeEvents(batch, Date.now());
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
  }
  return totals;
}

function printSummary(traffic: DemoTraffic, totals: StoreTotals, options: { days: number; seed: number }, io: CliIo): void {
  const { events, orgs, spike } = traffic;
  io.out(`Generated ${formatCount(events.length)} events for ${orgs.length} organizations over the last ${options.days} days (seed ${options.seed}).`);
  if (totals.accepted === 0) {
    io.out(`All ${formatCount(totals.duplicates)} were already stored by an earlier run with seed ${options.seed}: nothing was duplicated.`);
  } else {
    const skipped = totals.duplicates > 0 ? `; ${formatCount(totals.duplicates)} already present were skipped` : "";
    io.out(`Stored ${formatCount(totals.accepted)} new events in ${describeDatabase(env().DATABASE_URL)}${skipped}.`);
  }
  io.out("");
  const rows = orgs.map((org) => [org.id, org.name, org.plan, formatCount(org.events)]);
  for (const line of formatTable(["organization", "name", "plan", "events"], rows)) io.out(`  ${line}`);
  io.out("");
  const spikeRate = spike.events / (SPIKE_WINDOW_MS / 3_600_000);
  io.out(
    `Spike: ${spike.code} in ${spike.orgId}: ${formatCount(spike.events)} events in the last ${SPIKE_WINDOW_MS / 3_600_000} hours ` +
      `(~${Math.round(spikeRate)}/hour against its usual ${spike.baselinePerHour.toFixed(1)}/hour).`,
  );
  io.out(
    `Flagged by the catalog: ${formatCount(totals.unknownCode)} with codes it does not list, ` +
      `${formatCount(totals.detailsMismatch)} with details that do not match the documented shape.`,
  );
  io.out("");
  io.out("Request ids to try in the search box:");
  for (const line of formatTable(
    ["request id", "code", "organization", ""],
    exampleRequests(traffic).map((example) => [example.requestId, example.code, example.orgId, example.note]),
  )) {
    io.out(`  ${line}`);
  }
  io.out("");
  io.out(`Dashboard: http://localhost:${env().PORT}  (start it with npm run dev, or npm run serve)`);
}

/** Fills the database with sample traffic; the same seed twice stores nothing new (ids are deterministic). */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { days: { type: "string" }, orgs: { type: "string" }, seed: { type: "string" }, events: { type: "string" } },
    strict: true,
  });
  const options = {
    days: integerOption("days", values.days, DEFAULT_TRAFFIC.days, 1, 365),
    orgs: integerOption("orgs", values.orgs, DEFAULT_TRAFFIC.orgs, 1, MAX_ORGS),
    seed: integerOption("seed", values.seed, DEFAULT_TRAFFIC.seed, 0, 0xffff_ffff),
    events: integerOption("events", values.events, DEFAULT_TRAFFIC.events, 100, 1_000_000),
  };
  const traffic = generateTraffic({ ...options, now: Date.now() });
  const totals = await store(traffic);
  // Organizations are created by their first event; the demo's display names come after.
  await setOrganizationNames(traffic.orgs.map((org) => ({ id: org.id, name: org.name })));
  printSummary(traffic, totals, options, io);
  return 0;
}
