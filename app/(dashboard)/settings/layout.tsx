import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/session/current-user";

/** Settings are for admins; checked above any loading boundary of the pages below (see the dashboard layout). */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageUser("admin");
  return children;
}
