import { toEventJson, type EventRecord } from "@/lib/envelope/event-json";
import type { ExportFormat } from "@/lib/events/list-query";
import { csvRow, type CsvValue } from "./csv";

/** The CSV columns: every field of the API's event shape, in its order. */
export const CSV_COLUMNS = [
  "request_id",
  "org_id",
  "code",
  "http_status",
  "message",
  "details",
  "occurred_at",
  "received_at",
  "service",
  "method",
  "path",
  "environment",
  "catalog_flag",
] as const satisfies readonly (keyof ReturnType<typeof toEventJson>)[];

function csvValue(value: ReturnType<typeof toEventJson>[(typeof CSV_COLUMNS)[number]]): CsvValue {
  // `details` is an object: one cell of JSON keeps every field without inventing columns per code.
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}

export function eventCsvRow(event: EventRecord): string {
  const json = toEventJson(event);
  return csvRow(CSV_COLUMNS.map((column) => csvValue(json[column])));
}

/** One event as one NDJSON line, in the shape of `GET /api/v1/events`. */
export function eventNdjsonLine(event: EventRecord): string {
  return `${JSON.stringify(toEventJson(event))}\n`;
}

/** What a file of this format starts with before its first event. */
export function exportPreamble(format: ExportFormat): string {
  return format === "csv" ? csvRow(CSV_COLUMNS) : "";
}

export function exportLine(format: ExportFormat, event: EventRecord): string {
  return format === "csv" ? eventCsvRow(event) : eventNdjsonLine(event);
}
