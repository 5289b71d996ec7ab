import Link from "next/link";

export interface TrailFilterValues {
  key: string;
  code: string;
  request_id: string;
}

/**
 * A plain GET form: filters land in the URL and work without JavaScript. Codes present in the
 * trail are offered as suggestions, since an admin rarely knows them by heart.
 */
export function TrailFilters({ values, codes }: { values: TrailFilterValues; codes: readonly string[] }) {
  const active = Boolean(values.key || values.code || values.request_id);
  return (
    <form className="card toolbar" method="get" action="/settings/ingest" aria-label="Filter refusals">
      <label className="toolbar">
        <span>Key prefix</span>
        <input className="input input-inline" name="key" defaultValue={values.key} placeholder="erk_…" maxLength={64} spellCheck={false} />
      </label>
      <label className="toolbar">
        <span>Reason code</span>
        <input className="input input-inline" name="code" defaultValue={values.code} list="trail-codes" maxLength={100} spellCheck={false} />
        <datalist id="trail-codes">
          {codes.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
      </label>
      <label className="toolbar">
        <span>Request id</span>
        <input className="input input-inline" name="request_id" defaultValue={values.request_id} placeholder="req_…" maxLength={128} spellCheck={false} />
      </label>
      <button type="submit" className="button button-primary">
        Filter
      </button>
      {active ? <Link href="/settings/ingest">Clear filters</Link> : null}
    </form>
  );
}
