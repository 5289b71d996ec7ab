import type { ReactNode } from "react";
import Link from "next/link";
import { MainNav } from "@/components/nav/main-nav";
import { SearchShortcut } from "@/components/search/search-shortcut";
import { UserMenu } from "@/components/session/user-menu";
import { requirePageUser } from "@/lib/session/current-user";

// Every dashboard page reads the session (and most read the database) on each request.
export const dynamic = "force-dynamic";

/**
 * Signed-out visitors are redirected here, above every loading.tsx boundary: below one, Next.js
 * would already have streamed the shell with status 200 before a page's redirect ran. Each page
 * checks again, because this layout is not re-rendered when moving between its pages.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" href="/">
            Errata
          </Link>
          <MainNav showSettings={user.role === "admin"} />
          <UserMenu user={user} />
        </div>
      </header>
      <SearchShortcut />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
