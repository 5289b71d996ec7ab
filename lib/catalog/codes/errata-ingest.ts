import { z } from "zod";
import { byteCount, countValue, defineEntry, openDetails } from "../define";
import { formatBytes, formatCount, formatList, quote } from "../format";
import type { CatalogEntry } from "../types";

const base = { origin: "errata", returnedByErrata: true } as const;

export const errataIngestEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    family: "ingest",
    code: "ingest.payload_too_large",
    httpStatus: 413,
    title: "Ingest body too large",
    meaning: "The request body exceeds Errata's ingest size limit",
    detailsFields: [
      { name: "size_bytes", type: "integer (bytes), optional", meaning: "Size of the body, when Errata knew it (absent when reading stopped at the limit).", customerSafe: true },
      { name: "max_bytes", type: "integer (bytes)", meaning: "Largest body Errata accepts.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ size_bytes: byteCount.optional(), max_bytes: byteCount }),
    causes: [
      "The sender flushes its buffer too rarely, so batches grow past the limit during an error burst.",
      "Events carry large details (stack traces, echoed request bodies) that bloat each one.",
    ],
    customerReply:
      "Errata refused a request from your service because its body was over the size limit, so none of its events were stored. Please send smaller batches, and keep each event's details short.",
    engineerChecks: [
      "Check the sender's batching: cap each request by serialized size, not only by event count.",
      "Look at the largest events' details; each is limited to 16 KiB serialized anyway.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Split the batch into requests below the limit and resend those; resending the same body is refused again.",
    },
    explain: ({ size_bytes, max_bytes }) => {
      const max = formatBytes(max_bytes);
      const sizeText = size_bytes === undefined ? "The request body exceeded" : `The request body was ${formatBytes(size_bytes)};`;
      return {
        summary: size_bytes === undefined ? `${sizeText} Errata's limit of ${max}.` : `${sizeText} the limit is ${max}.`,
        notes: [
          ...(size_bytes === undefined ? [] : [{ field: "size_bytes", value: formatBytes(size_bytes), note: "Size of the refused body." }]),
          { field: "max_bytes", value: max, note: `Largest body accepted (${formatCount(max_bytes)} bytes).` },
        ],
        customerReply: `Errata refused a request from your service because its body${size_bytes === undefined ? "" : `, ${formatBytes(size_bytes)},`} was over the ${max} limit, so none of its events were stored. Please send smaller batches, each under ${max}, and keep each event's details short.`,
        retryAdvice: `Split the batch into requests under ${max} each and resend them.`,
      };
    },
  }),
  defineEntry({
    ...base,
    family: "ingest",
    code: "ingest.too_many_events",
    httpStatus: 422,
    title: "Too many events in one request",
    meaning: "The batch holds more events than Errata accepts in one request",
    detailsFields: [
      { name: "count", type: "integer", meaning: "Events in the refused batch.", customerSafe: true },
      { name: "max", type: "integer", meaning: "Most events accepted per request.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ count: countValue, max: countValue }),
    causes: [
      "The sender's batch size is configured above Errata's per-request maximum.",
      "After an outage the sender flushes its whole backlog in one request.",
    ],
    customerReply:
      "Errata refused a batch from your service because it held more events than one request may carry, so none were stored. Please send them in smaller batches.",
    engineerChecks: [
      "Compare the sender's batch size setting with the maximum in details.max.",
      "Check the backlog-flush path after reconnects; it should chunk like the normal path.",
    ],
    retry: { verdict: "after_fix", advice: "Split into batches no larger than details.max and resend; duplicates are ignored by request_id." },
    explain: ({ count, max }) => ({
      summary: `The batch held ${formatCount(count)} events; the limit is ${formatCount(max)} per request.`,
      notes: [
        { field: "count", value: formatCount(count), note: "Events in the refused batch." },
        { field: "max", value: formatCount(max), note: "Most events accepted per request." },
      ],
      customerReply: `Errata refused a batch of ${formatCount(count)} events from your service because one request may carry at most ${formatCount(max)}, so none were stored. Please send them in batches of ${formatCount(max)} or fewer.`,
      retryAdvice: `Resend as ${Math.ceil(count / Math.max(max, 1))} batches of at most ${formatCount(max)} events; already-stored request_ids are counted as duplicates, not stored twice.`,
    }),
  }),
  defineEntry({
    ...base,
    family: "ingest",
    code: "ingest.unsupported_media_type",
    httpStatus: 415,
    title: "Unsupported content type",
    meaning: "The request's Content-Type is not one Errata's ingest accepts",
    detailsFields: [
      { name: "content_type", type: "string or null", meaning: "The Content-Type the request carried (null or absent when none was sent).", customerSafe: true },
      { name: "supported", type: "string[]", meaning: "Content types Errata accepts.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ content_type: z.string().nullable().optional(), supported: z.array(z.string()).min(1) }),
    causes: [
      "The HTTP client sends text/plain or form encoding by default and the sender never set Content-Type.",
      "NDJSON is sent as application/json (or the reverse), or under a vendor type Errata does not know.",
    ],
    customerReply:
      "Errata refused your service's request because of its Content-Type header. Please send events as application/json, or as application/x-ndjson with one event per line.",
    engineerChecks: [
      "Log the Content-Type header the sender actually puts on the wire.",
      "Check that the header matches the body format: a JSON object or {\"events\": [...]} vs. one object per line.",
    ],
    retry: { verdict: "after_fix", advice: "Set a supported Content-Type, then resend; the events were not stored." },
    explain: ({ content_type, supported }) => {
      const sent = content_type ? `as ${quote(content_type)}` : "without a Content-Type";
      return {
        summary: `The request was sent ${sent}; Errata accepts ${formatList(supported)}.`,
        notes: [
          { field: "content_type", value: content_type ?? "none", note: "Content-Type the request carried." },
          { field: "supported", value: supported.join(", "), note: "Content types Errata accepts." },
        ],
        customerReply: `Errata refused your service's request because it was sent ${content_type ? `with the Content-Type ${quote(content_type)}` : "without a Content-Type header"}, so its events weren't stored. Please send events as ${formatList(supported)}, with the header matching the body.`,
        retryAdvice: `Send with Content-Type ${formatList(supported)} matching the body, then resend.`,
      };
    },
  }),
  defineEntry({
    ...base,
    family: "common",
    code: "common.internal",
    httpStatus: 500,
    title: "Internal error",
    meaning: "Unexpected error inside Errata; the cause is logged server-side with the request id",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "A bug in Errata met input or state it did not expect.",
      "The database failed during the write (disk full, file locked past the busy timeout, connection lost).",
    ],
    customerReply:
      "Errata hit an unexpected error while handling your service's request, and its events may not have been stored. Resending them is safe — Errata stores each event once, by its request ID. If it keeps happening, please send us the request ID from the response.",
    engineerChecks: [
      "Find the response's request id in Errata's server logs; the real error is logged there and never returned to the caller.",
      "Check database health at that time: disk space, lock waits, migrations pending after a deploy.",
    ],
    retry: {
      verdict: "yes_backoff",
      advice: "Retry with exponential backoff and jitter; batches are all-or-nothing and deduplicated by request_id, so a retry cannot store an event twice.",
    },
  }),
];
