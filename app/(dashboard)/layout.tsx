import type { ReactNode } from "react";
import Link from "next/link";
import { MainNav } from "@/components/nav/main-nav";
import { UserMenu } from "@/components/session/user-menu";
import { currentUser } from "@/lib/session/current-user";

// Every dashboard page reads the session (and most read the database) on each request. Each page
// checks sign-in itself: this layout is not re-rendered when moving between its pages.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <Link className="brand" href="/">
            Errata
          </Link>
          <MainNav showSettings={user?.role === "admin"} />
          {user ? <UserMenu user={user} /> : null}
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
