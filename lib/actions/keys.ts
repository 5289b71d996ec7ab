"use server";

import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKeyById, type ApiKeySummary } from "@/db/queries/api-keys";
import { KEY_SCOPES, type KeyScope } from "@/lib/auth/api-key-secret";
import { parseExpiry } from "@/lib/auth/key-expiry";
import { keyStatus, type KeyStatus } from "@/lib/auth/key-status";
import { requireActionUser } from "@/lib/session/action-guard";

// Server actions are public endpoints: each one checks for an admin session before anything else.

/** A key as the settings page shows it: the summary plus its status at the time of the call. */
export interface ApiKeyView extends ApiKeySummary {
  status: KeyStatus;
}

export type CreateKeyField = "name" | "scopes" | "expiresOn";

export type CreateKeyResult =
  | { ok: true; key: ApiKeyView; secret: string; signingSecret: string | null }
  | { ok: false; problems: Partial<Record<CreateKeyField, string>> };

const createKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(100, "Use at most 100 characters."),
  scopes: z.array(z.enum(KEY_SCOPES)).min(1, "Choose at least one scope."),
  signingSecret: z.boolean(),
  /** `YYYY-MM-DD` from a date input; empty for a key that never expires. */
  expiresOn: z.string().max(20),
});

export type CreateKeyInput = z.infer<typeof createKeyInput>;

function toView(key: ApiKeySummary, now: number): ApiKeyView {
  return { ...key, status: keyStatus(key, now) };
}

export async function loadApiKeys(): Promise<ApiKeyView[]> {
  await requireActionUser("admin");
  const now = Date.now();
  return (await listApiKeys()).map((key) => toView(key, now));
}

/**
 * Creates a key from the settings form. Mistakes in the form come back as `problems` (a thrown
 * error reaches the browser as a generic message in production builds). The key and the signing
 * secret are in this one response only.
 */
export async function createKey(input: unknown): Promise<CreateKeyResult> {
  await requireActionUser("admin");
  const parsed = createKeyInput.safeParse(input);
  if (!parsed.success) {
    const problems: Partial<Record<CreateKeyField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "name" || field === "scopes" || field === "expiresOn") problems[field] ??= issue.message;
    }
    return { ok: false, problems: Object.keys(problems).length > 0 ? problems : { name: "The form could not be read." } };
  }
  const now = Date.now();
  const { name, scopes, signingSecret, expiresOn } = parsed.data;
  let expiresAt: number | null = null;
  if (expiresOn.trim() !== "") {
    const expiry = parseExpiry(expiresOn, now);
    if (!expiry.ok) return { ok: false, problems: { expiresOn: `${expiry.problem}.` } };
    expiresAt = expiry.expiresAt;
  }
  const uniqueScopes: KeyScope[] = [...new Set(scopes)];
  const created = await createApiKey({ name, scopes: uniqueScopes, expiresAt, signingSecret, now });
  return { ok: true, key: toView(created.key, now), secret: created.secret, signingSecret: created.signingSecret };
}

const revokeKeyInput = z.object({ id: z.number().int().positive() });

/** Revokes one key by id (ids are unambiguous where prefixes might not be). Null when unknown. */
export async function revokeKey(input: unknown): Promise<ApiKeyView | null> {
  await requireActionUser("admin");
  const { id } = revokeKeyInput.parse(input);
  const now = Date.now();
  const key = await revokeApiKeyById(id, now);
  return key ? toView(key, now) : null;
}
