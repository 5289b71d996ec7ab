import type { Metadata } from "next";
import { catalogFamilies } from "@/lib/catalog";
import { requirePageUser } from "@/lib/session/current-user";
import { summarizeCatalog } from "./catalog-filter";
import { CodeCatalog } from "./_components/code-catalog";

export const metadata: Metadata = { title: "Error codes" };

export default async function CodesPage() {
  await requirePageUser();
  return (
    <>
      <header className="page-header">
        <h1>Error codes</h1>
        <p className="lede muted">
          Every code the API documents, and the codes Errata&apos;s own API answers with (marked <em>Errata&apos;s own</em>).
          Codes are stable; messages may change, so match on the code. Open a code for its causes, the reply to send and what
          engineers should check.
        </p>
      </header>
      <CodeCatalog groups={summarizeCatalog(catalogFamilies())} />
    </>
  );
}
