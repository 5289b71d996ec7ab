import { dialectOf, sqlitePath } from "@/db/dialect";

/**
 * The database a DATABASE_URL names, for people to read (CLI output, the startup log): the SQLite
 * file, or PostgreSQL's database, host and schema. Never the URL itself, which may hold a password.
 */
export function describeDatabase(databaseUrl: string): string {
  if (dialectOf(databaseUrl) !== "postgres") return `the SQLite file ${sqlitePath(databaseUrl)}`;
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
  const schema = /search_path\s*=\s*(\S+)/.exec(url.searchParams.get("options") ?? "")?.[1];
  return `the PostgreSQL database ${name} on ${url.host}${schema ? `, schema ${schema}` : ""}`;
}
