import { parseArgs } from "node:util";
import { createRandom, deriveSeed } from "@/lib/demo/random";
import { HOUR_MS } from "@/lib/trends/buckets";
import { positiveWhole } from "./lib/args";
import { createSchema, dropSchema, newSchemaName, onServer, postgresUrl, scopedUrl } from "./lib/backends/postgres-server";
import { measureIngest } from "./lib/partitions/ingest";
import { buildLayouts } from "./lib/partitions/layouts";
import { explainRead, measureRead, WINDOW_COUNTS } from "./lib/partitions/reads";
import { disagreements, figuresTable, NOTES, type LayoutFigures } from "./lib/partitions/report";
import { measureRetention, type RetentionFigures } from "./lib/partitions/retention";
import { measureSizes } from "./lib/partitions/sizes";
import { describeSource, newestKeptSchema, sampleEvents } from "./lib/partitions/source";
import { reads, samplesNeeded } from "./lib/partitions/workload";
import { load, machine, wrongAnswersStatus } from "./lib/report";
import { runMain } from "./lib/run";

// `npm run bench:partitions [-- --source bench_backends_…]`: issue 7's "BRIN or monthly partitions — measure and choose" (bench/README.md, "Partitions or BRIN").
// Copies the events of a kept bench:backends fill (`npm run bench:backends -- --keep`; the newest finished one unless --source) into two layouts in a
// scratch schema `bench_partitions_<stamp>` (dropped at the end): the app's table with BRIN on occurred_at, and the same rows partitioned by calendar month.
// Then times the app's reads, batched ingest and retention on both and prints their sizes, as a Markdown table. The source schema is only read.
// PostgreSQL at DATABASE_URL (a postgres:// one; default this machine's). Exit status: 0 when both layouts answer alike; 1 when not; 2 on a crash.

const USAGE =
  "npm run bench:partitions -- [--source bench_backends_<stamp>] [--lookups 2000] [--hour-runs 200] [--drill-runs 500] [--batches 200] [--batch 500] [--retention-days 2] [--seed 1]";

function parse() {
  const { values } = parseArgs({
    options: {
      source: { type: "string" },
      lookups: { type: "string" },
      "hour-runs": { type: "string" },
      "drill-runs": { type: "string" },
      batches: { type: "string" },
      batch: { type: "string" },
      "retention-days": { type: "string" },
      seed: { type: "string" },
    },
  });
  const whole = (name: keyof typeof values, fallback: number) => positiveWhole(name, values[name], fallback, USAGE);
  return {
    source: values.source,
    counts: { lookups: whole("lookups", 2_000), hourRuns: whole("hour-runs", 200), drillRuns: whole("drill-runs", 500) },
    ingest: { batches: whole("batches", 200), batch: whole("batch", 500) },
    retentionDays: whole("retention-days", 2),
    seed: whole("seed", 1),
  };
}

async function main(): Promise<number> {
  const options = parse();
  const log = (line = "") => console.log(line);
  const callerUrl = postgresUrl();
  const sourceSchema = options.source ?? (await onServer(callerUrl, newestKeptSchema));
  if (!sourceSchema) throw new Error(`No finished bench:backends schema to copy from: run \`npm run bench:backends -- --keep\` first, or name one.\n${USAGE}`);
  const schema = newSchemaName("bench_partitions_");
  const loadBefore = load();
  await createSchema(callerUrl, schema);
  try {
    return await onServer(scopedUrl(callerUrl, schema), async (client) => {
      const source = await describeSource(client, sourceSchema);
      const random = createRandom(deriveSeed(options.seed, "bench:partitions"));
      log(`machine: ${machine()}; 1-min load ${loadBefore}`);
      log(`source: ${sourceSchema}.events, ${source.events.toLocaleString("en-US")} events from ${new Date(source.from).toISOString()} to ${new Date(source.to).toISOString()}; scratch schema ${schema}`);
      const sampled = await sampleEvents(client, source, samplesNeeded(options.counts), () => random.next());
      const layouts = await buildLayouts(client, source, log);
      const sizes = await Promise.all(layouts.map((layout) => measureSizes(client, layout)));

      log("Reads…");
      const measuredReads = reads(source, sampled, options.counts, random);
      const readFigures = layouts.map(() => [] as LayoutFigures["reads"]);
      for (const read of measuredReads) (await measureRead(client, layouts, read)).forEach((figures, index) => readFigures[index]!.push(figures));
      const plans: string[] = [];
      for (const layout of layouts) plans.push(...(await explainRead(client, layout, WINDOW_COUNTS(layout.table), [source.to + 1 - HOUR_MS, source.to + 1])));

      log(`Ingest: ${options.ingest.batches} batches of ${options.ingest.batch} on each layout…`);
      const ingest = await measureIngest(client, layouts, sampled, options.ingest, random);
      log(`Retention: deleting the oldest ${options.retentionDays} days…`);
      const retention: RetentionFigures[] = [];
      for (const layout of layouts) retention.push(await measureRetention(client, layout, source.from, options.retentionDays));

      const figures: LayoutFigures[] = layouts.map((layout, index) => ({
        layout,
        reads: readFigures[index]!,
        ingest: ingest[index]!,
        retention: retention[index]!,
        sizes: sizes[index]!,
      }));
      log("");
      for (const layout of layouts) log(`${layout.table}: ${layout.description}`);
      log(`1-min load: ${loadBefore} before, ${load()} after`);
      log("");
      for (const line of figuresTable(measuredReads, figures, options.ingest.batch)) log(line);
      log("");
      for (const line of NOTES) log(line);
      log("");
      log(`Last hour at the data's "now", EXPLAIN (ANALYZE, BUFFERS), warm:`);
      for (const line of plans) log(line);
      return wrongAnswersStatus(disagreements(measuredReads, figures), log);
    });
  } finally {
    await dropSchema(callerUrl, schema);
  }
}

runMain(main);
