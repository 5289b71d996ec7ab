import "server-only";

import { findSigningSecret } from "@/db/queries/api-keys";
import type { KeyActor } from "./authenticate";
import { checkSignature, signatureInvalid } from "./signature-header";

export const SIGNATURE_HEADER = "errata-signature";

/**
 * Requires a valid `Errata-Signature` when the actor's key has a signing secret; keys without one
 * ignore the header. The secret is read here, only for signed keys, and goes no further than
 * `checkSignature`: it is never put on the actor, returned, or logged.
 */
export async function verifySubmissionSignature(actor: KeyActor, rawBody: string, header: string | null, now: number): Promise<void> {
  if (!actor.hasSigningSecret) return;
  const secret = await findSigningSecret(actor.keyId);
  // Fail closed: the key said it signs, so a secret that cannot be read must not let the body in.
  if (secret === null) throw signatureInvalid("mismatch");
  checkSignature(secret, rawBody, header, now);
}
