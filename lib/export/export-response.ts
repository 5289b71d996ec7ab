import "server-only";

import type { Logger } from "pino";
import { listEvents, type EventFilter } from "@/db/queries/events";
import type { ExportFormat } from "@/lib/events/list-query";
import { REQUEST_ID_HEADER } from "@/lib/http/envelope-response";
import { eventExportStream, type ExportPageReader } from "./event-export-stream";

/** Events per page read from the database: big enough to keep queries few, small enough to stream. */
export const EXPORT_PAGE_SIZE = 500;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  ndjson: "application/x-ndjson; charset=utf-8",
};

/** `errata-events[-<org>]-<UTC time>.<format>`; ids may hold `:` and `.`, which some file systems refuse. */
export function exportFileName(format: ExportFormat, filter: EventFilter, now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/[-:]/g, "");
  const org = filter.orgId ? `-${filter.orgId.replace(/[^A-Za-z0-9_-]/g, "-")}` : "";
  return `errata-events${org}-${stamp}Z.${format}`;
}

interface ExportContext {
  requestId: string;
  log: Logger;
  now?: number;
  pageSize?: number;
}

/**
 * Every event matching `filter`, newest first, streamed as a download. The first page is read before
 * answering, so a database failure still gets the error envelope; later pages are read as the client
 * takes them (keyset pages: each is one indexed query, and no transaction is held between them).
 */
export async function eventExportResponse(format: ExportFormat, filter: EventFilter, context: ExportContext): Promise<Response> {
  const pageSize = context.pageSize ?? EXPORT_PAGE_SIZE;
  const readPage: ExportPageReader = (cursor) => listEvents(filter, pageSize, cursor);
  const stream = eventExportStream({
    format,
    readPage,
    firstPage: await readPage(undefined),
    onError: (error) => context.log.error({ err: error }, "export failed after it started; the download is cut short"),
  });
  const fileName = exportFileName(format, filter, context.now ?? Date.now());
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Exports hold customer data: no shared or browser cache may keep a copy.
      "Cache-Control": "no-store",
      [REQUEST_ID_HEADER]: context.requestId,
    },
  });
}
