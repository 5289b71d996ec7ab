import type Database from "better-sqlite3";
import { RANGE_PRESETS } from "@/lib/trends/range-presets";
import type { Case } from "./cases/case";
import { codeActivityCase, orgListCase } from "./cases/orgs";
import { spikesCase } from "./cases/spikes";
import { orgViewCase, trendCase } from "./cases/trend";
import { Checker } from "./check";
import { formatCosts, statementCosts } from "./explain";
import type { FillMeta } from "./fill";
import { measure } from "./measure";
import { RawQueries } from "./raw";
import { verdict, type Row } from "./report";

export interface CaseOptions {
  runs: number;
  rawRuns: number;
  /** Break every answer down into its SQL statements, not only the ones that miss a target. */
  explain: boolean;
  /** Opens the app's database afresh, as a server that just started has it: nothing kept in memory. */
  restart: () => Promise<unknown>;
  log: (line: string) => void;
}

/** The most frequent code of the seed catalog's mix: the catalog page with the most to add up. */
const COMMON_CODE = "common.validation_failed";
const SERVICE_WARMUP = 3;
const RAW_WARMUP = 1;

interface CaseResult {
  row: Row;
  problems: string[];
  notes: string[];
  diagnosis: string[];
}

async function run<S, R>(item: Case<S, R>, options: CaseOptions): Promise<CaseResult> {
  await options.restart();
  const first = await measure(item.service, 1, 0);
  // Then the steady state of a running server: the warm-up calls fill what it keeps in memory.
  const service = await measure(item.service, options.runs, SERVICE_WARMUP);
  const raw = await measure(item.raw, options.rawRuns, RAW_WARMUP);
  const checker = new Checker();
  item.check(service.answer, raw.answer, checker);
  const row: Row = { answer: item.answer, firstCall: first.timing.median, service: service.timing, raw: raw.timing, agrees: checker.ok };
  options.log(
    `  ${item.answer}: ${service.timing.median.toFixed(2)} ms median (${service.timing.runs} runs; first call after a restart ` +
      `${first.timing.median.toFixed(1)} ms), raw ${raw.timing.median.toFixed(0)} ms ` +
      `(${raw.timing.runs} runs)${checker.ok ? ", same answer" : ", ANSWERS DIFFER"}`,
  );
  const diagnose = options.explain || verdict(row) === "FAIL";
  const diagnosis = diagnose ? formatCosts(item.answer, service.timing.median, await statementCosts(item.service)) : [];
  return { row, problems: checker.problems.map((problem) => `${item.answer}: ${problem}`), notes: item.notes?.() ?? [], diagnosis };
}

/**
 * Every answer of the issue's Speed section, measured with the services' own defaults at the
 * data's "now": the 30-day presets are the ones the organization page sends.
 */
export async function runCases(sqlite: Database.Database, meta: FillMeta, options: CaseOptions) {
  const raw = new RawQueries(sqlite);
  const now = meta.now;
  const largest = meta.orgs[0]!.id;
  const days30 = { from: now - RANGE_PRESETS["30d"], to: now };
  const injectedSpike = `${meta.anomalies.spike.orgId} ${meta.anomalies.spike.code}`;
  const injectedNewCode = `${meta.anomalies.newCode.orgId} ${meta.anomalies.newCode.code}`;
  const cases = [
    () => run(trendCase(raw, largest, days30), options),
    () => run(orgViewCase(raw, largest, days30, "hour", "getOrgTrendView, largest org, 30 d hourly (+ previous 30 d)"), options),
    () => run(orgViewCase(raw, largest, days30, "day", "getOrgTrendView, largest org, 30 d daily (page default)"), options),
    () => run(spikesCase(raw, "1h", now, [injectedSpike, injectedNewCode]), options),
    () => run(spikesCase(raw, "24h", now, [injectedNewCode]), options),
    () => run(orgListCase(raw, now), options),
    () => run(codeActivityCase(raw, COMMON_CODE, days30, "hour"), options),
    () => run(codeActivityCase(raw, COMMON_CODE, days30, "day"), options),
  ];
  const rows: Row[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const diagnosis: string[] = [];
  options.log(`Measuring (${options.runs} runs per answer after ${SERVICE_WARMUP} warm-up, ${options.rawRuns} raw runs after ${RAW_WARMUP}):`);
  for (const next of cases) {
    const result = await next();
    rows.push(result.row);
    problems.push(...result.problems);
    notes.push(...result.notes);
    diagnosis.push(...result.diagnosis);
  }
  return { rows, problems, notes, diagnosis };
}
