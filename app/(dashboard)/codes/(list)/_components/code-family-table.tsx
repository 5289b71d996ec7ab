import Link from "next/link";
import { StatusBadge } from "@/components/ui/badge";
import { BreakableCode } from "@/components/ui/breakable-code";
import { TableHead } from "@/components/ui/table-head";
import { OriginBadge } from "@/components/codes/origin-badge";
import type { CodeGroup } from "../catalog-filter";
import styles from "./codes.module.css";

/** One family of codes: status, code (a link to its page) and what it means. */
export function CodeFamilyTable({ group }: { group: CodeGroup }) {
  const anchor = `family-${group.family}`;
  return (
    <section className="card" aria-labelledby={`${anchor}-heading`} id={anchor}>
      <h2 id={`${anchor}-heading`}>
        {group.label} <span className="muted">· {group.codes.length}</span>
      </h2>
      <div className="table-wrap">
        <table className={`table ${styles.table}`}>
          <TableHead columns={["HTTP", "Code", "Meaning"]} />
          <tbody>
            {group.codes.map((entry) => (
              <tr key={entry.code}>
                <td>
                  <StatusBadge status={entry.httpStatus} />
                </td>
                <td>
                  <span className={styles.codeCell}>
                    <Link href={`/codes/${encodeURIComponent(entry.code)}`}>
                      <BreakableCode text={entry.code} />
                    </Link>
                    <OriginBadge origin={entry.origin} returnedByErrata={entry.returnedByErrata} />
                  </span>
                </td>
                <td>
                  <strong>{entry.title}.</strong> {entry.meaning}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
