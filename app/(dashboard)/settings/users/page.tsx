import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { usersOptions } from "@/lib/hooks/use-users";
import { requirePageUser } from "@/lib/session/current-user";
import { InviteCard } from "./_components/invite-card";
import { UsersTable } from "./_components/users-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePageUser("admin");
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery(usersOptions());
  return (
    <>
      <header className="page-header">
        <p className="breadcrumb">
          <Link href="/settings">Settings</Link> / Users
        </p>
        <h1>Users</h1>
        <p className="lede muted">
          Agents search, view and chart; admins also manage keys and users and read the audit log. People join through a
          one-time invitation link and choose their own password. Deactivating someone signs them out at once. There is always
          at least one active admin: nobody can demote or deactivate themselves, or the last one.
        </p>
      </header>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <InviteCard />
        <UsersTable />
      </HydrationBoundary>
    </>
  );
}
