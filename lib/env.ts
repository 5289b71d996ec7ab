import { z } from "zod";

const MiB = 1024 * 1024;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/errata.db")
    .refine((url) => url.startsWith("file:"), {
      message: "only file: URLs (embedded SQLite) are supported so far, e.g. file:./data/errata.db",
    }),
  /** Largest ingest body accepted, in bytes; larger bodies are refused while streaming. */
  ERRATA_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(5 * MiB),
  /** Most events accepted in one ingest request. */
  ERRATA_MAX_BATCH_EVENTS: z.coerce.number().int().min(1).max(10_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The environment, read and validated once; a bad setting stops the process with a clear message. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Errata configuration:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Filesystem path of the SQLite database named by a `file:` URL. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.slice("file:".length);
}
