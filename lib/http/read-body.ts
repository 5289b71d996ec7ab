import { ApiError, badRequest } from "./api-error";

function payloadTooLarge(maxBytes: number, sizeBytes?: number): ApiError {
  const size = sizeBytes === undefined ? "more than" : `${sizeBytes} bytes;`;
  return new ApiError(
    413,
    "ingest.payload_too_large",
    `The request body is ${size} ${maxBytes} bytes is the limit. Send fewer events per request.`,
    sizeBytes === undefined ? { max_bytes: maxBytes } : { size_bytes: sizeBytes, max_bytes: maxBytes },
  );
}

/**
 * Reads the body as UTF-8 text, refusing it as soon as it passes `maxBytes`: a declared
 * Content-Length is checked before reading, and the stream is cancelled mid-way otherwise, so an
 * oversized body is never buffered whole.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes, declared);
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("The request body is not valid UTF-8.", { reason: "invalid_encoding" });
  }
}
