import { describe, expect, it } from "vitest";
import { rejectedApiError } from "@/lib/testing/api-error";
import { readBodyText } from "./read-body";

const URL_ = "http://errata.test/api/v1/events";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body that yields `chunks` chunks of `chunkBytes` bytes, recording how far the reader pulled it. */
function countingStream(chunkBytes: number, chunks: number) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulls += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
      if (state.pulls === chunks) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function streamOf(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

describe("readBodyText", () => {
  it("returns the body as text", async () => {
    await expect(readBodyText(post('{"a":"é"}'), 1024)).resolves.toBe('{"a":"é"}');
  });

  it("returns an empty string for a request without a body", async () => {
    await expect(readBodyText(new Request(URL_), 1024)).resolves.toBe("");
  });

  it("accepts a body of exactly the limit and refuses one byte more", async () => {
    await expect(readBodyText(post("a".repeat(1024)), 1024)).resolves.toHaveLength(1024);
    const error = await rejectedApiError(readBodyText(post("a".repeat(1025)), 1024));
    expect(error.status).toBe(413);
    expect(error.code).toBe("ingest.payload_too_large");
    expect(error.details).toEqual({ max_bytes: 1024 });
  });

  it("counts bytes, not characters", async () => {
    // 600 two-byte characters: 1,200 bytes.
    const error = await rejectedApiError(readBodyText(post("é".repeat(600)), 1024));
    expect(error.status).toBe(413);
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, state } = countingStream(100, 1000);
    const request = post(stream, { "content-length": "6000000" });
    // A stream pulls once on its own to fill its queue; nothing beyond that may be read.
    await settle();
    const pullsBeforeReading = state.pulls;
    const error = await rejectedApiError(readBodyText(request, 5_242_880));
    expect(error.status).toBe(413);
    expect(error.code).toBe("ingest.payload_too_large");
    expect(error.details).toEqual({ size_bytes: 6_000_000, max_bytes: 5_242_880 });
    expect(error.message).toContain("6000000 bytes");
    await settle();
    expect(state.pulls).toBe(pullsBeforeReading);
    expect(request.bodyUsed).toBe(false);
  });

  it("ignores a Content-Length under the limit and still enforces the limit while streaming", async () => {
    const { stream, state } = countingStream(512, 1000);
    const error = await rejectedApiError(readBodyText(post(stream, { "content-length": "10" }), 2048));
    expect(error.status).toBe(413);
    expect(error.details).toEqual({ max_bytes: 2048 });
    expect(state.cancelled).toBe(true);
  });

  it("cancels a streamed body without Content-Length as soon as it passes the limit", async () => {
    const { stream, state } = countingStream(1024, 1000);
    const request = post(stream);
    expect(request.headers.get("content-length")).toBeNull();

    const error = await rejectedApiError(readBodyText(request, 4096));
    expect(error.status).toBe(413);
    expect(error.code).toBe("ingest.payload_too_large");
    expect(error.details).toEqual({ max_bytes: 4096 });
    expect(state.cancelled).toBe(true);
    // The fifth 1 KiB chunk crosses 4 KiB; allow the stream's read-ahead, but never the whole body.
    const pullsAtRefusal = state.pulls;
    expect(pullsAtRefusal).toBeLessThanOrEqual(8);
    await settle();
    expect(state.pulls).toBe(pullsAtRefusal);
  });

  it("decodes a multi-byte character split across chunks", async () => {
    const bytes = new TextEncoder().encode("€uro");
    const text = await readBodyText(post(streamOf([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])), 1024);
    expect(text).toBe("€uro");
  });

  it.each([
    ["a lone continuation byte", [0x7b, 0x80, 0x7d]],
    ["an invalid lead byte", [0xff, 0xfe]],
    ["a truncated sequence at the end", [0x61, 0xe2, 0x82]],
  ])("refuses invalid UTF-8 (%s) with 400", async (_label, bytes) => {
    const error = await rejectedApiError(readBodyText(post(new Uint8Array(bytes)), 1024));
    expect(error.status).toBe(400);
    expect(error.code).toBe("common.bad_request");
    expect(error.details).toEqual({ reason: "invalid_encoding" });
  });
});
