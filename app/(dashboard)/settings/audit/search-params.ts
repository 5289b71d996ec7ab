import { createLoader, createParser, createSerializer, parseAsString } from "nuqs/server";
import type { AuditCursor } from "@/db/queries/audit-log";

/**
 * `before=<viewed_at ms>.<id>`: where an "Older" page starts. Readable rather than opaque because it
 * only names a position in a log the admin may read anyway; anything malformed means the first page.
 */
const parseAsAuditCursor = createParser<AuditCursor>({
  parse: (value) => {
    const match = /^(\d{1,15})\.(\d{1,15})$/.exec(value);
    return match ? { viewedAt: Number(match[1]), id: Number(match[2]) } : null;
  },
  serialize: (cursor) => `${cursor.viewedAt}.${cursor.id}`,
  eq: (a, b) => a.viewedAt === b.viewedAt && a.id === b.id,
});

/** The audit log's filters and page, kept in the URL so a filtered view can be linked to. */
export const auditParams = {
  /** An actor id: a user's id or a key's prefix. */
  actor: parseAsString.withDefault(""),
  /** The start of a request id. */
  request_id: parseAsString.withDefault(""),
  before: parseAsAuditCursor,
};

export const loadAuditParams = createLoader(auditParams);
export const serializeAuditView = createSerializer(auditParams);

export const AUDIT_PATH = "/settings/audit";
