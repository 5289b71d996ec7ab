"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";

/** The id of the dashboard's search box, which "/" focuses. */
export const SEARCH_BOX_ID = "search-text";

/** Where "/" must stay a character: anything the person is typing into. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * "/" anywhere on the dashboard focuses the search box, selecting what it holds so a paste replaces
 * it; on other pages it opens the search, whose box takes focus as it mounts. Shift is allowed:
 * several keyboard layouts type "/" with it.
 */
export function SearchShortcut() {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      const box = document.getElementById(SEARCH_BOX_ID);
      if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
        box.focus();
        box.select();
      } else if (pathname !== "/") {
        router.push("/");
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, pathname]);
  return null;
}
