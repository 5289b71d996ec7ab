import type { EventCursor } from "@/db/queries/events";
import type { EventRecord } from "@/lib/envelope/event-json";
import type { ExportFormat } from "@/lib/events/list-query";
import { exportLine, exportPreamble } from "./event-lines";

export interface ExportPage {
  events: readonly EventRecord[];
  nextCursor: EventCursor | null;
}

/** Reads one page of the export: the first without a cursor, then from each page's `nextCursor`. */
export type ExportPageReader = (cursor: EventCursor | undefined) => Promise<ExportPage>;

interface ExportStreamOptions {
  format: ExportFormat;
  readPage: ExportPageReader;
  /** The first page, when the caller read it already (to answer a failure with an error envelope). */
  firstPage?: ExportPage;
  /** Told when a later page fails: the response has started, so the download can only be cut short. */
  onError?: (error: unknown) => void;
}

/**
 * The export as a byte stream, one chunk per page. Pages are read on demand (`pull`), and the queue
 * holds one chunk, so a slow client holds at most two pages in memory however many events match.
 */
export function eventExportStream({ format, readPage, firstPage, onError }: ExportStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: ExportPage | undefined = firstPage;
  let cursor: EventCursor | undefined;
  let started = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let page: ExportPage;
        try {
          page = pending ?? (await readPage(cursor));
        } catch (error) {
          onError?.(error);
          controller.error(error);
          return;
        }
        pending = undefined;
        const preamble = started ? "" : exportPreamble(format);
        started = true;
        const text = preamble + page.events.map((event) => exportLine(format, event)).join("");
        if (text) controller.enqueue(encoder.encode(text));
        if (page.nextCursor) cursor = page.nextCursor;
        else controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}
