import type { Metadata } from "next";
import { listOrgSummaries } from "@/lib/trends/org-trends";
import { OrgsTable } from "../_components/orgs-table";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organizations" };

export default async function OrgsPage() {
  await requirePageUser();
  const orgs = await listOrgSummaries();
  return (
    <>
      <header className="page-header">
        <h1>Organizations</h1>
        <p className="lede muted">Errors per organization over the last 24 hours, against the 24 hours before.</p>
      </header>
      <section className="card" aria-label="Organizations">
        <OrgsTable orgs={orgs} />
      </section>
    </>
  );
}
