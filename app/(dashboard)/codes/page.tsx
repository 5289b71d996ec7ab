import type { Metadata } from "next";
import Link from "next/link";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { catalogFamilies } from "@/lib/catalog";
import { requirePageUser } from "@/lib/session/current-user";

export const metadata: Metadata = { title: "Error codes" };

export default async function CodesPage() {
  await requirePageUser();
  const families = catalogFamilies();
  return (
    <>
      <header className="page-header">
        <h1>Error codes</h1>
        <p className="lede muted">
          Every code the API documents, and the codes Errata&apos;s own API answers with. Codes are stable; messages may
          change, so match on the code.
        </p>
      </header>
      {families.map((family) => (
        <section key={family.family} className="card" aria-labelledby={`family-${family.family}`}>
          <h2 id={`family-${family.family}`}>{family.label}</h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">HTTP</th>
                  <th scope="col">Code</th>
                  <th scope="col">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {family.entries.map((entry) => (
                  <tr key={entry.code}>
                    <td>
                      <StatusBadge status={entry.httpStatus} />
                    </td>
                    <td>
                      <Link href={`/codes/${encodeURIComponent(entry.code)}`}>
                        <code>{entry.code}</code>
                      </Link>{" "}
                      {entry.returnedByErrata ? <Badge>Errata</Badge> : null}
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
      ))}
    </>
  );
}
