import type { KeyActor } from "./authenticate";

export const SIGNATURE_HEADER = "errata-signature";

// Placeholder during the ingest hardening work (issue 4): HMAC verification replaces it.
export function verifySubmissionSignature(_actor: KeyActor, _rawBody: string, _header: string | null, _now: number): void {}
