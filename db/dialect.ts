/** The two storage backends: embedded SQLite (the default, one file) and a shared PostgreSQL. */
export type Dialect = "sqlite" | "postgres";

/** Which backend a DATABASE_URL names: `file:` is SQLite, `postgres://` or `postgresql://` PostgreSQL. */
export function dialectOf(databaseUrl: string): Dialect | undefined {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgres";
  return undefined;
}

/** Filesystem path of the SQLite database named by a `file:` URL. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}
