/**
 * Spreadsheets run a cell starting with one of these as a formula (`=HYPERLINK(…)`, `@SUM(…)`);
 * tab and carriage return are included because some strip them before looking (OWASP, CSV injection).
 * Envelope text comes from services and their users, so no cell may start that way.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field holding a quote, a comma or a line break is quoted, with its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | null;

/** One CSV field. Numbers are written as numbers; text starting like a formula gets a leading `'`. */
export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const neutralised = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(neutralised) || neutralised !== value ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

/** One record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
