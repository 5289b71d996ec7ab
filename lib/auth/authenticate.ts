import "server-only";

import { findApiKeyByHash } from "@/db/queries/api-keys";
import { ApiError } from "@/lib/http/api-error";
import { hashApiKey, hashesMatch, type KeyScope } from "./api-key-secret";
import { noteKeyUse } from "./last-used";

export interface KeyActor {
  kind: "key";
  keyId: number;
  prefix: string;
  scopes: KeyScope[];
  /**
   * Whether this key's submissions must carry `Errata-Signature`. Only the flag travels with the
   * actor (which reaches handlers and logs); the verifier reads the secret itself when it needs it.
   */
  hasSigningSecret: boolean;
}

function bearerToken(header: string | null, scope: KeyScope): string {
  if (!header) {
    throw new ApiError(401, "common.unauthorized", "Send an Errata API key as `Authorization: Bearer <key>`.", {
      required_scope: scope,
    });
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new ApiError(401, "common.unauthorized", "The Authorization header must be `Bearer <key>`.", {
      reason: "malformed_authorization_header",
      required_scope: scope,
    });
  }
  return match[1];
}

/** Resolves the Bearer key of a request and checks it grants `scope`; throws the matching envelope otherwise. */
export async function authenticateKey(authorization: string | null, scope: KeyScope, now = Date.now()): Promise<KeyActor> {
  const token = bearerToken(authorization, scope);
  const hash = hashApiKey(token);
  const key = await findApiKeyByHash(hash);
  if (!key || !hashesMatch(key.hash, hash)) {
    throw new ApiError(401, "auth.key_invalid", "This API key is not known to Errata.", {});
  }
  if (key.revokedAt !== null) {
    throw new ApiError(401, "auth.key_revoked", "This API key was revoked.", {
      prefix: key.prefix,
      revoked_at: new Date(key.revokedAt).toISOString(),
    });
  }
  if (key.expiresAt !== null && key.expiresAt <= now) {
    throw new ApiError(401, "auth.key_expired", "This API key has expired.", {
      prefix: key.prefix,
      expired_at: new Date(key.expiresAt).toISOString(),
    });
  }
  if (!key.scopes.includes(scope)) {
    throw new ApiError(403, "auth.scope_denied", `This API key lacks the \`${scope}\` scope.`, {
      required: scope,
      granted: key.scopes,
    });
  }
  await noteKeyUse(key.id, now);
  return { kind: "key", keyId: key.id, prefix: key.prefix, scopes: key.scopes, hasSigningSecret: key.hasSigningSecret };
}
