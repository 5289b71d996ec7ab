import Link from "next/link";
import type { AuditActor } from "@/db/queries/audit-log";
import { AUDIT_PATH } from "../search-params";

export interface AuditFilterValues {
  actor: string;
  request_id: string;
}

function actorOption(actor: AuditActor): string {
  return actor.kind === "key" ? `${actor.label} (API key ${actor.id}…)` : actor.label;
}

/**
 * A plain GET form, so filters land in the URL and work without JavaScript. Submitting drops the
 * page cursor: new filters start again from the newest view.
 */
export function AuditFilters({ values, actors }: { values: AuditFilterValues; actors: readonly AuditActor[] }) {
  const active = Boolean(values.actor || values.request_id);
  // A link may name an actor the drop-down does not list (past its cap): keep the choice visible.
  const listed = values.actor === "" || actors.some((actor) => actor.id === values.actor);
  return (
    <form className="card toolbar" method="get" action={AUDIT_PATH} aria-label="Filter views">
      <label className="toolbar">
        <span>User</span>
        <select className="input input-inline" name="actor" defaultValue={values.actor}>
          <option value="">Everyone</option>
          {listed ? null : <option value={values.actor}>{values.actor}</option>}
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actorOption(actor)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar">
        <span>Request id starts with</span>
        <input
          className="input input-inline"
          name="request_id"
          defaultValue={values.request_id}
          placeholder="req_…"
          maxLength={128}
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <button type="submit" className="button button-primary">
        Filter
      </button>
      {active ? <Link href={AUDIT_PATH}>Clear filters</Link> : null}
    </form>
  );
}
