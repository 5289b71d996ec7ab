import fs from "node:fs";
import os from "node:os";
import type Database from "better-sqlite3";
import type { Timing } from "./measure";

/** Targets from issue 3 ("Speed"): every chart answer under 50 ms and at least 50× the raw GROUP BY. */
export const TARGET_MS = 50;
export const TARGET_SPEEDUP = 50;

export interface Row {
  answer: string;
  /** The service's first call on a freshly opened connection (nothing kept in memory yet), ms. */
  firstCall: number;
  /** The steady state: the calls after the warm-up. */
  service: Timing;
  raw: Timing;
  /** Whether the service's answer equals the raw one (checked on the last run of each). */
  agrees: boolean;
}

/** Milliseconds: two decimals under 10 ms, one under 100 ms, none above. */
export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

export function verdict(row: Row): "PASS" | "FAIL" {
  return row.service.median < TARGET_MS && row.raw.median / row.service.median >= TARGET_SPEEDUP ? "PASS" : "FAIL";
}

/** A Markdown table, so the output can be pasted into bench/README.md as it is. */
export function formatTable(rows: readonly Row[]): string[] {
  const header = ["answer", "median ms", "p99 ms", "runs", "first call ms", "raw GROUP BY median ms", "raw p99 ms", "raw runs", "speed-up ×", "same answer", "target"];
  const body = rows.map((row) => [
    row.answer,
    ms(row.service.median),
    ms(row.service.p99),
    String(row.service.runs),
    ms(row.firstCall),
    ms(row.raw.median),
    ms(row.raw.p99),
    String(row.raw.runs),
    (row.raw.median / row.service.median).toFixed(0),
    row.agrees ? "yes" : "NO",
    verdict(row),
  ]);
  return markdownTable(header, body);
}

/** A Markdown table with the first column left-aligned and the others right-aligned (figures), padded to line up in a terminal too. */
export function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...body.map((line) => (line[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${"-".repeat(width + 1)}` : `${"-".repeat(width + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...body.map(line)];
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const gib = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${cpu}, ${os.cpus().length} cores, ${gib} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

/** 1-minute load average: a busy machine (tests, builds) inflates every figure, so the report says so. */
export function load(): string {
  return os.loadavg()[0]!.toFixed(2);
}

export function databaseFacts(sqlite: Database.Database, file: string): string[] {
  const bytes = ["", "-wal"].reduce((total, suffix) => total + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number).toLocaleString("en-US");
  const version = sqlite.prepare("SELECT sqlite_version()").pluck().get() as string;
  return [
    `database: ${file}, ${(bytes / 1024 ** 3).toFixed(2)} GiB, SQLite ${version}`,
    `rows: events ${count("events")}, hourly_rollups ${count("hourly_rollups")}, organizations ${count("organizations")}`,
  ];
}

/**
 * The exit status of a bench whose answers were checked: 0 when `problems` is empty, else 1 after
 * printing them under a banner no one can miss (`what`: who disagrees with whom). A missed speed
 * target is a finding to report, not a wrong answer.
 */
export function wrongAnswersStatus(problems: readonly string[], log: (line: string) => void, what = ""): 0 | 1 {
  if (problems.length === 0) return 0;
  log("");
  log(`!!!!!!!!!! WRONG ANSWERS${what ? `: ${what}` : ""} !!!!!!!!!!`);
  for (const problem of problems) log(`  ✗ ${problem}`);
  return 1;
}
