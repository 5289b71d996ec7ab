import { z } from "zod";
import { byteCount, defineEntry, openDetails } from "../define";
import { formatBytes, formatCount } from "../format";
import type { CatalogEntry } from "../types";

const base = { family: "registration", origin: "api", returnedByErrata: false } as const;

/** Upload-session and audio codes, in seed order. */
export const registrationUploadEntries: readonly CatalogEntry[] = [
  defineEntry({
    ...base,
    code: "registration.upload_session_not_found",
    httpStatus: 404,
    title: "Upload session not found",
    meaning: "job_id is unknown / expired / already consumed",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The upload session expired before the registration was submitted — a slow client, or a job that sat in a queue.",
      "The job_id was already consumed by an earlier registration; a client retry after a timeout then finds it used.",
      "The job_id belongs to another environment, or concurrent uploads in the client mixed up their ids.",
    ],
    customerReply:
      "The upload this registration refers to is no longer available — uploads expire after a while and can only be used for one registration. Please check your registrations list in case the work was already registered; if not, upload the audio again and submit the registration with the new upload.",
    engineerChecks: [
      "Search for an earlier successful request with the same job_id: a timed-out client retry may already have registered the work.",
      "Compare the time between creating the upload session and this request with the session TTL.",
      "Confirm the job_id was created against the same base URL and environment as this call.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Never retry with the same job_id. First check whether an earlier attempt with it succeeded; if not, start a new upload session.",
    },
  }),
  defineEntry({
    ...base,
    code: "registration.upload_session_forbidden",
    httpStatus: 403,
    title: "Upload session owned by someone else",
    meaning: "Caller doesn’t own this upload session",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The session was opened with one organization's key and the registration is submitted with another's.",
      "A job_id travelled through a shared queue without its organization context and was picked up by the wrong tenant.",
      "Someone is trying job_ids that belong to other customers.",
    ],
    customerReply:
      "This upload belongs to a different account than the one submitting the registration, so it can't be used here. Please upload the audio again with the same API key and organization you use to submit the registration.",
    engineerChecks: [
      "Look up the organization that created the session for this job_id and compare it with the organization of the caller's key.",
      "If one caller hits many sessions it does not own, check for enumeration and involve security.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "Retrying with this job_id cannot succeed; upload again under the submitting organization.",
    },
  }),
  defineEntry({
    ...base,
    code: "registration.audio_too_large",
    httpStatus: 413,
    title: "Audio file too large",
    meaning: "Audio exceeds the configured max — details.size_bytes / details.max_bytes",
    detailsFields: [
      { name: "size_bytes", type: "integer (bytes)", meaning: "Size of the uploaded audio.", customerSafe: true },
      { name: "max_bytes", type: "integer (bytes)", meaning: "The configured maximum audio size.", customerSafe: true },
    ],
    detailsSchema: z.looseObject({ size_bytes: byteCount, max_bytes: byteCount }),
    causes: [
      "A high-resolution master (e.g. 24-bit / 96 kHz WAV) or a long recording exceeds the configured maximum.",
      "The file carries large embedded artwork or extra channels that inflate its size.",
      "The configured maximum for this environment was lowered, or is lower than in the environment the customer tested against.",
    ],
    customerReply:
      "The audio file is larger than the maximum size we accept for a registration. Please upload a smaller export of the work — for example at a lower sample rate or bit depth — and submit it again.",
    engineerChecks: [
      "Compare details.size_bytes with the file size on the caller's disk; a big difference points to encoding or multipart overhead.",
      "Check the configured audio maximum for this environment and whether it changed recently.",
    ],
    retry: {
      verdict: "after_fix",
      advice: "The same file is rejected every time; bring it under the limit first, then upload again.",
    },
    explain: ({ size_bytes, max_bytes }) => {
      const size = formatBytes(size_bytes);
      const max = formatBytes(max_bytes);
      const over = size_bytes > max_bytes ? ` (${formatBytes(size_bytes - max_bytes)} over)` : "";
      return {
        summary: `The upload was ${size}; the limit is ${max}${over}.`,
        notes: [
          { field: "size_bytes", value: size, note: `Size of the uploaded audio (${formatCount(size_bytes)} bytes).` },
          { field: "max_bytes", value: max, note: `Largest audio file accepted (${formatCount(max_bytes)} bytes).` },
        ],
        customerReply: `The audio file you uploaded is ${size}, and the largest file we accept is ${max}. Please upload a smaller export of the work — for example at a lower sample rate or bit depth — and submit it again.`,
        retryAdvice: `Bring the file under ${max}, then upload again; the same ${size} file is rejected every time.`,
      };
    },
  }),
  defineEntry({
    ...base,
    code: "registration.audio_empty",
    httpStatus: 422,
    title: "Audio file is empty",
    meaning: "Uploaded file is 0 bytes",
    detailsFields: [],
    detailsSchema: openDetails,
    causes: [
      "The file was uploaded before the export or download that produced it had finished writing.",
      "The client read the stream once (e.g. to hash it) and then sent the exhausted stream.",
      "A failed fetch from the customer's storage left a 0-byte placeholder file.",
    ],
    customerReply:
      "The audio file we received was empty (0 bytes), which often happens when a file is uploaded before it has finished saving. Please check that the file plays on your side and upload it again.",
    engineerChecks: [
      "Log the file size on the caller side right before the upload call.",
      "Look for code that reads the upload stream twice (hashing, then sending) without rewinding it.",
      "Check the Content-Length the client sent for the upload.",
    ],
    retry: { verdict: "after_fix", advice: "Re-upload only once the file has content; resending the same empty upload fails again." },
  }),
];
