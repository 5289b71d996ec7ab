"use client";

import Link from "next/link";
import { useQueryStates } from "nuqs";
import { Sparkline } from "@/components/charts/sparkline";
import { Change } from "@/components/ui/change";
import type { OrgSummary } from "@/lib/trends/types";
import { orgListParams, type OrgSort } from "../search-params";

const COMPARATORS: Record<OrgSort, (a: OrgSummary, b: OrgSummary) => number> = {
  errors: (a, b) => b.last24h - a.last24h,
  // Organizations with no earlier errors ("new") rank above any finite rise.
  change: (a, b) => (b.change ?? (b.last24h > 0 ? Infinity : -Infinity)) - (a.change ?? (a.last24h > 0 ? Infinity : -Infinity)),
  name: (a, b) => (a.name ?? a.orgId).localeCompare(b.name ?? b.orgId),
};

function SortHeader({ sort, current, label, onSort }: { sort: OrgSort; current: OrgSort; label: string; onSort: (sort: OrgSort) => void }) {
  return (
    <th scope="col" aria-sort={sort === current ? (sort === "name" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)}>
        {label}
        {sort === current ? (sort === "name" ? " ↑" : " ↓") : ""}
      </button>
    </th>
  );
}

/** Every organization with its last 24 hours; filter and sort live in the URL. */
export function OrgsTable({ orgs }: { orgs: OrgSummary[] }) {
  const [{ q, sort }, setParams] = useQueryStates(orgListParams);
  const needle = q.trim().toLowerCase();
  const shown = orgs
    .filter((org) => !needle || org.orgId.toLowerCase().includes(needle) || (org.name ?? "").toLowerCase().includes(needle))
    .sort(COMPARATORS[sort]);
  const onSort = (next: OrgSort) => void setParams({ sort: next });

  return (
    <>
      <label className="toolbar">
        <span>Find an organization</span>
        <input className="input input-inline" type="search" value={q} placeholder="id or name" onChange={(e) => void setParams({ q: e.target.value })} />
      </label>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <SortHeader sort="name" current={sort} label="Organization" onSort={onSort} />
              <SortHeader sort="errors" current={sort} label="Errors, 24 h" onSort={onSort} />
              <SortHeader sort="change" current={sort} label="vs previous 24 h" onSort={onSort} />
              <th scope="col">Top code</th>
              <th scope="col">Last 24 h</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((org) => (
              <tr key={org.orgId}>
                <td>
                  <Link href={`/orgs/${encodeURIComponent(org.orgId)}`}>{org.name ?? org.orgId}</Link>
                  {org.name ? (
                    <div className="muted">
                      <code>{org.orgId}</code>
                    </div>
                  ) : null}
                </td>
                <td className="num">{org.last24h.toLocaleString("en")}</td>
                <td className="num">
                  <Change change={org.change} previous={org.previous24h} />
                </td>
                <td>{org.topCode ? <code>{org.topCode}</code> : <span className="muted">—</span>}</td>
                <td>
                  <Sparkline values={org.sparkline} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="empty">{orgs.length === 0 ? "No organizations yet: they appear with their first event." : "No organization matches."}</p> : null}
    </>
  );
}
