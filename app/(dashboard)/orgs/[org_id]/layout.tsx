import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getOrganization } from "@/db/queries/organizations";

/**
 * An unknown organization answers 404 from here, above the loading boundaries of its pages: below
 * them, the skeleton would already have been streamed with status 200 (see the dashboard layout).
 */
export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org_id: string }> }) {
  if (!(await getOrganization(decodeURIComponent((await params).org_id)))) notFound();
  return children;
}
