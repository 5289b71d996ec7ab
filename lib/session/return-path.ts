/**
 * Where to go after signing in: a path on this site from the `next` parameter, or the search page.
 * Anything that could leave the site (`//evil.example`, `https://…`, `/\evil`) is ignored.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/sign-in") || next.startsWith("/setup")) return "/";
  return next;
}
