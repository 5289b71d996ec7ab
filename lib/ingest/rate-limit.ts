import type { KeyActor } from "@/lib/auth/authenticate";

// Placeholder during the ingest hardening work (issue 4): the per-key token bucket replaces it.
export function takeIngestToken(_actor: KeyActor, _now: number): void {}
