import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { findCatalogEntry } from "@/lib/catalog";

/**
 * An unknown code answers 404 from here, above the page's loading boundary: below it, the skeleton
 * would already have been streamed with status 200 (see the dashboard layout).
 */
export default async function CodeLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  if (!findCatalogEntry(decodeURIComponent((await params).code))) notFound();
  return children;
}
