"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { colorForCode } from "@/components/charts/code-colors";
import { StatusBadge } from "@/components/ui/badge";
import { Change } from "@/components/ui/change";
import type { CodeBreakdownRow } from "@/lib/trends/types";

/** Codes in the range with their share and change; a row opens the events behind it. */
export function CodeTable({ rows, eventsHref }: { rows: CodeBreakdownRow[]; eventsHref: (code: string) => string }) {
  const router = useRouter();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">HTTP</th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              vs previous period
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} className="clickable" onClick={() => router.push(eventsHref(row.code))}>
              <td>
                <span className="swatch" style={{ background: colorForCode(row.code) }} aria-hidden />
                <Link href={eventsHref(row.code)} onClick={(event) => event.stopPropagation()}>
                  <code>{row.code}</code>
                </Link>
              </td>
              <td>
                <StatusBadge status={row.httpStatus} />
              </td>
              <td className="num">{row.count.toLocaleString("en")}</td>
              <td className="num">{(row.share * 100).toFixed(1)} %</td>
              <td className="num">
                <Change change={row.change} previous={row.previousCount} />{" "}
                <span className="muted">({row.previousCount.toLocaleString("en")})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
