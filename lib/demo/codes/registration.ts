import type { Random } from "../random";
import type { CodeSpec } from "./types";

/** The API's configured audio maximum (50 MiB), as in the seed's example. */
export const MAX_AUDIO_BYTES = 52_428_800;

const dryRunReasons = [
  { value: "insufficient balance to register work", weight: 8 },
  { value: "work already registered on chain", weight: 3 },
  { value: "creator wallet not found", weight: 2 },
  { value: "nonce too low", weight: 1 },
  { value: "gas estimate exceeds block limit", weight: 0.5 },
] as const;

/** Masters run well past the limit: a 24-bit/96 kHz stereo WAV is ~33 MiB a minute. */
function oversizedAudio(random: Random): number {
  const factor = 1 + Math.abs(random.normal()) * 0.9 + random.next() * 0.3;
  return Math.round(MAX_AUDIO_BYTES * factor) + random.int(1, 4096);
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Registration and upload codes of the simulated API. */
export const registrationSpecs: readonly CodeSpec[] = [
  {
    code: "registration.title_required",
    httpStatus: 422,
    weight: 3,
    routes: "prepare",
    build: () => ({ message: "Title is required", details: {} }),
  },
  {
    code: "registration.filename_required",
    httpStatus: 422,
    weight: 1.5,
    routes: "registrationInput",
    build: () => ({ message: "Filename is required", details: {} }),
  },
  {
    code: "registration.creators_required",
    httpStatus: 422,
    weight: 2,
    routes: "prepare",
    build: () => ({ message: "At least one creator is required", details: {} }),
  },
  {
    code: "registration.commitment_invalid",
    httpStatus: 422,
    weight: 0.3,
    routes: "confirm",
    build: () => ({ message: "Commitment failed server-side validation", details: {} }),
  },
  {
    code: "registration.upload_session_not_found",
    httpStatus: 404,
    weight: 3,
    routes: "prepare",
    build: (random) => ({
      message: "Upload session not found or expired",
      details: { job_id: `job_${random.hex(16)}` },
    }),
  },
  {
    code: "registration.upload_session_forbidden",
    httpStatus: 403,
    weight: 0.5,
    routes: "prepare",
    build: () => ({ message: "You do not own this upload session", details: {} }),
  },
  {
    code: "registration.audio_too_large",
    httpStatus: 413,
    weight: 4,
    routes: "audio",
    build: (random) => {
      const size = oversizedAudio(random);
      return {
        message: `Audio file is ${mebibytes(size)}; the maximum is 50.0 MB`,
        details: { size_bytes: size, max_bytes: MAX_AUDIO_BYTES },
      };
    },
    offShape: {
      rate: 0.015,
      service: "upload-edge",
      build: (random) => {
        const size = oversizedAudio(random);
        return { message: "Payload too large", details: { size: mebibytes(size), limit: "50 MB" } };
      },
    },
  },
  {
    code: "registration.audio_empty",
    httpStatus: 422,
    weight: 1,
    routes: "audio",
    build: () => ({ message: "Uploaded audio file is empty (0 bytes)", details: {} }),
  },
  {
    code: "registration.dry_run_failed",
    httpStatus: 422,
    weight: 4,
    routes: "confirm",
    build: (random) => {
      const reason = random.weighted(dryRunReasons);
      return { message: `Dry-run failed: ${reason}`, details: { reason } };
    },
    offShape: {
      rate: 0.01,
      service: "chain-relay",
      build: () => ({
        message: "Dry-run failed",
        details: { error: { code: -32000, message: "execution reverted" } },
      }),
    },
  },
  {
    code: "registration.prepared_not_found",
    httpStatus: 404,
    weight: 2,
    routes: "confirm",
    build: () => ({ message: "Prepared registration not found; it may have expired or already been confirmed", details: {} }),
  },
  {
    code: "registration.prepared_forbidden",
    httpStatus: 403,
    weight: 0.4,
    routes: "confirm",
    build: () => ({ message: "You do not own this prepared registration", details: {} }),
  },
];
