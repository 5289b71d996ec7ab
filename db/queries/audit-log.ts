import "server-only";

import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { database, type Tables } from "../client";
import { selectRows } from "../raw";

export type AuditVia = "page" | "api";
export type AuditActorKind = "user" | "key";

/**
 * Who viewed a request, as the writer knows them. A user arrives labelled (their e-mail); a key
 * arrives by id and prefix, and its name is read inside the INSERT itself.
 */
export type AuditViewer = { kind: "user"; id: string; label: string } | { kind: "key"; keyId: number; prefix: string };

export interface NewRequestView {
  viewedAt: number;
  viewer: AuditViewer;
  requestId: string;
  via: AuditVia;
  /** Whether the id was stored when it was looked up. */
  found: boolean;
}

/** One recorded view, as the audit page lists it. */
export interface RequestView {
  id: number;
  viewedAt: number;
  actorKind: AuditActorKind;
  /** A user's id, or a key's display prefix. */
  actorId: string;
  /** A user's e-mail, or a key's name, as they were at the time of the view. */
  actorLabel: string;
  requestId: string;
  via: AuditVia;
  found: boolean;
}

/** Someone who appears in the log, with the label of their latest view. */
export interface AuditActor {
  kind: AuditActorKind;
  id: string;
  label: string;
}

/** Where the next (older) page of views starts: the last row of the current one. */
export interface AuditCursor {
  viewedAt: number;
  id: number;
}

export interface RequestViewFilter {
  /**
   * Exactly one actor. Key prefixes start with `erk_` and user ids (better-auth's) never do, so the
   * id alone names an actor and the (actor_id, viewed_at) index serves the filter and the order.
   */
  actorId?: string;
  /** Views of ids starting with this text, so a truncated id from a ticket still finds them. */
  requestIdPrefix?: string;
}

/** Pages are bounded whatever the caller asks for: one page is one indexed range read. */
export const MAX_AUDIT_PAGE_SIZE = 200;
/** Actors offered by the filter; more than this is not a usable drop-down anyway. */
export const MAX_AUDIT_ACTORS = 500;

function viewColumns({ auditLog }: Tables) {
  return {
    id: auditLog.id,
    viewedAt: auditLog.viewedAt,
    actorKind: sql<AuditActorKind>`${auditLog.actorKind}`,
    actorId: auditLog.actorId,
    actorLabel: auditLog.actorLabel,
    requestId: auditLog.requestId,
    via: sql<AuditVia>`${auditLog.via}`,
    found: auditLog.found,
  };
}

/**
 * Appends one view. This runs on the request path of every record shown, so it is one statement:
 * a key's name is read by a subquery on its primary key rather than by a lookup before the write.
 * Keys are revoked, never deleted; the prefix stands in should a row ever be missing.
 */
export async function insertRequestView(view: NewRequestView): Promise<void> {
  const { db, t } = await database();
  const { apiKeys, auditLog } = t;
  const { viewer } = view;
  const actor =
    viewer.kind === "user"
      ? { actorId: viewer.id, actorLabel: viewer.label }
      : {
          actorId: viewer.prefix,
          actorLabel: sql`coalesce((select ${apiKeys.name} from ${apiKeys} where ${apiKeys.id} = ${viewer.keyId}), ${viewer.prefix})`,
        };
  await db
    .insert(auditLog)
    .values({ viewedAt: view.viewedAt, actorKind: viewer.kind, ...actor, requestId: view.requestId, via: view.via, found: view.found });
}

/**
 * Ids may hold any text (the page records whatever id its URL carried). U+FFFF encodes above every
 * character of the Basic Multilingual Plane, so this range holds every id starting with `prefix`
 * whose next character is not an astral one (emoji) — none of the ids Errata stores.
 */
function requestIdStartsWith({ auditLog }: Tables, prefix: string): SQL | undefined {
  return and(gte(auditLog.requestId, prefix), lt(auditLog.requestId, `${prefix}\uffff`));
}

/** Rows strictly older than the cursor in (viewed_at, id) order; a row value, so an index can range over it. */
function olderThan({ auditLog }: Tables, cursor: AuditCursor): SQL {
  return sql`(${auditLog.viewedAt}, ${auditLog.id}) < (${cursor.viewedAt}, ${cursor.id})`;
}

/**
 * Views matching the filter, newest first, one page at a time (keyset pagination on viewed_at then
 * id, so a page costs the same however deep it is). `nextCursor` is null on the last page.
 */
export async function listRequestViews(
  filter: RequestViewFilter,
  limit: number,
  cursor?: AuditCursor,
): Promise<{ views: RequestView[]; nextCursor: AuditCursor | null }> {
  const { db, t } = await database();
  const { auditLog } = t;
  const pageSize = Math.min(Math.max(1, Math.trunc(limit)), MAX_AUDIT_PAGE_SIZE);
  const rows = await db
    .select(viewColumns(t))
    .from(auditLog)
    .where(
      and(
        filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
        filter.requestIdPrefix ? requestIdStartsWith(t, filter.requestIdPrefix) : undefined,
        cursor ? olderThan(t, cursor) : undefined,
      ),
    )
    .orderBy(desc(auditLog.viewedAt), desc(auditLog.id))
    .limit(pageSize + 1);
  const views = rows.slice(0, pageSize);
  const last = views.at(-1);
  return { views, nextCursor: rows.length > pageSize && last ? { viewedAt: last.viewedAt, id: last.id } : null };
}

/**
 * Everyone who appears in the log, by label; past `limit`, the most recently seen. The log grows
 * with every view, so this must not scan it: the recursive CTE hops from one distinct actor_id to
 * the next through the actor index (one seek per actor), and each actor's latest row is one more
 * seek on the same index.
 */
export async function listAuditActors(limit = MAX_AUDIT_ACTORS): Promise<AuditActor[]> {
  return selectRows<AuditActor>(await database(), sql`
    with recursive actor_ids(actor_id) as (
      select min(actor_id) from audit_log
      union all
      select (select min(actor_id) from audit_log where actor_id > actor_ids.actor_id) from actor_ids where actor_ids.actor_id is not null
    ),
    recent as (
      select latest.actor_kind as kind, latest.actor_id as id, latest.actor_label as label
      from actor_ids
      join audit_log as latest on latest.id = (
        select id from audit_log where actor_id = actor_ids.actor_id order by viewed_at desc, id desc limit 1
      )
      order by latest.viewed_at desc, latest.id desc
      limit ${Math.max(0, Math.trunc(limit))}
    )
    select kind, id, label from recent order by label, id`);
}
