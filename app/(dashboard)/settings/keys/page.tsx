import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { apiKeysOptions } from "@/lib/hooks/use-api-keys";
import { CreateKeyCard } from "./_components/create-key-card";
import { KeysTable } from "./_components/keys-table";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

export default async function KeysPage() {
  await requirePageUser("admin");
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(apiKeysOptions());
  return (
    <>
      <header className="page-header">
        <p className="breadcrumb">
          <Link href="/settings">Settings</Link> / API keys
        </p>
        <h1>API keys</h1>
        <p className="lede muted">
          Services send events with an <code>ingest</code> key; scripts read with a <code>read</code> key. A key is shown once,
          when it is created: Errata stores only its hash.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CreateKeyCard />
        <KeysTable />
      </HydrationBoundary>
    </>
  );
}
