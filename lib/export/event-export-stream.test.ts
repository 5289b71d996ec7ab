import { describe, expect, it, vi } from "vitest";
import type { EventRecord } from "@/lib/envelope/event-json";
import { eventExportStream, type ExportPage, type ExportPageReader } from "./event-export-stream";

function record(n: number): EventRecord {
  return {
    requestId: `req_${String(n).padStart(6, "0")}`,
    orgId: "org_acme",
    code: "common.internal",
    httpStatus: 500,
    message: null,
    details: null,
    occurredAt: 1_000_000 - n,
    receivedAt: 1_000_000,
    service: null,
    method: null,
    path: null,
    environment: null,
    catalogFlag: null,
  };
}

/** A reader over `pages` pages of `size` events that counts how many pages were read. */
function pagedReader(pages: number, size: number) {
  const read = vi.fn<ExportPageReader>(async (cursor) => {
    const index = cursor ? cursor.id : 0;
    const events = Array.from({ length: size }, (_, n) => record(index * size + n));
    return { events, nextCursor: index + 1 < pages ? { occurredAt: 0, id: index + 1 } : null } satisfies ExportPage;
  });
  return read;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("eventExportStream", () => {
  it("writes every page, the CSV header once", async () => {
    const text = await readAll(eventExportStream({ format: "csv", readPage: pagedReader(3, 2) }));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^request_id,org_id,code,/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["req_000000", "req_000001", "req_000002", "req_000003", "req_000004", "req_000005"]);
  });

  it("writes NDJSON with one event per line", async () => {
    const text = await readAll(eventExportStream({ format: "ndjson", readPage: pagedReader(2, 2) }));
    expect(text.split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { request_id: string }).request_id)).toEqual([
      "req_000000",
      "req_000001",
      "req_000002",
      "req_000003",
    ]);
  });

  it("writes only the header when nothing matches", async () => {
    const empty = vi.fn<ExportPageReader>(async () => ({ events: [], nextCursor: null }));
    expect((await readAll(eventExportStream({ format: "csv", readPage: empty }))).split("\r\n")).toHaveLength(2);
    expect(await readAll(eventExportStream({ format: "ndjson", readPage: empty }))).toBe("");
  });

  it("yields its first chunk before the later pages are read, and reads on only as the client takes chunks", async () => {
    const readPage = pagedReader(100, 500);
    const reader = eventExportStream({ format: "ndjson", readPage }).getReader();

    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\n").filter(Boolean)).toHaveLength(500);
    // The queue holds one chunk: the page handed over and at most one read ahead, not 100 pages.
    expect(readPage.mock.calls.length).toBeLessThanOrEqual(2);

    await reader.read();
    await reader.read();
    expect(readPage.mock.calls.length).toBeLessThanOrEqual(4);
    await reader.cancel();
    const afterCancel = readPage.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readPage.mock.calls.length).toBe(afterCancel);
  });

  it("starts from a first page read by the caller without reading it again", async () => {
    const readPage = pagedReader(2, 1);
    const firstPage = await readPage(undefined);
    const text = await readAll(eventExportStream({ format: "ndjson", readPage, firstPage }));
    expect(text.split("\n").filter(Boolean)).toHaveLength(2);
    expect(readPage).toHaveBeenCalledTimes(2);
  });

  it("reports a later page's failure and ends the stream with it", async () => {
    const onError = vi.fn();
    const failing = vi.fn<ExportPageReader>(async (cursor) => {
      if (cursor) throw new Error("database is locked");
      return { events: [record(0)], nextCursor: { occurredAt: 0, id: 1 } };
    });
    await expect(readAll(eventExportStream({ format: "csv", readPage: failing, onError }))).rejects.toThrow("database is locked");
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "database is locked" }));
  });
});
