import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getOrganization } from "@/db/queries/organizations";
import { orgTrendOptions } from "@/lib/hooks/use-org-trend";
import { OrgDashboard } from "./_components/org-dashboard";
import { loadOrgViewParams, toOrgTrendRequest } from "./search-params";
import { requirePageUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";

type Params = Promise<{ org_id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).org_id) };
}

export default async function OrgPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  await requirePageUser();
  const orgId = decodeURIComponent((await params).org_id);
  const organization = await getOrganization(orgId);
  if (!organization) notFound();

  const view = await loadOrgViewParams(searchParams);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(
    orgTrendOptions(toOrgTrendRequest(orgId, view)),
  );

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/orgs">Organizations</Link> / {orgId}
      </nav>
      <header className="page-header">
        <h1>{organization.name ?? orgId}</h1>
        {organization.name ? (
          <p className="eyebrow">
            <code>{orgId}</code>
          </p>
        ) : null}
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OrgDashboard orgId={orgId} />
      </HydrationBoundary>
    </>
  );
}
