import { z } from "zod";
import { dialectOf } from "@/db/dialect";
import { redactFieldsSetting, redactPatternsSetting } from "./envelope/redact-settings";

const MiB = 1024 * 1024;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/errata.db")
    .refine((url) => dialectOf(url) !== undefined, {
      message: "use file:./path.db (embedded SQLite) or postgres://user@host:5432/database (PostgreSQL)",
    }),
  /** Connections each instance keeps to PostgreSQL (ignored on SQLite). */
  ERRATA_PG_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /**
   * Redis for state several instances must share beyond the database (ingest rate limits), e.g.
   * redis://127.0.0.1:6379. Unset: on PostgreSQL the limits are kept in the database instead.
   */
  REDIS_URL: z.url().optional(),
  /** Days raw events are kept; older ones are deleted in small batches (hourly rollups stay 400 days). */
  ERRATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Largest ingest body accepted, in bytes; larger bodies are refused while streaming. */
  ERRATA_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(5 * MiB),
  /** Most events accepted in one ingest request. */
  ERRATA_MAX_BATCH_EVENTS: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** Ingest requests per second each key may sustain (token bucket refill rate); 0 turns the limit off. */
  ERRATA_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(1_000_000).default(50),
  /** Ingest requests a key may send back to back before the per-second rate applies (bucket size). */
  ERRATA_RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** How long a lone ingest request waits for others to share its transaction (group commit). */
  ERRATA_INGEST_COMMIT_WINDOW_MS: z.coerce.number().int().min(0).max(1000).default(2),
  /** Most events in one group-commit transaction; bounds how long one commit holds the write lock. */
  ERRATA_INGEST_COMMIT_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** Events waiting for a commit beyond which new ingest requests get 503 at once instead of queueing. */
  ERRATA_INGEST_MAX_QUEUED_EVENTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  /** Field names redacted before storage besides password, secret, token, … (comma-separated). */
  ERRATA_REDACT_FIELDS: redactFieldsSetting,
  /** Regular expressions whose matches are redacted before storage (whitespace-separated). */
  ERRATA_REDACT_PATTERNS: redactPatternsSetting,
  /** Days refused submissions stay in the rejected-ingest trail. */
  ERRATA_TRAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Most refused submissions the trail keeps; the oldest go first. */
  ERRATA_TRAIL_MAX_SUBMISSIONS: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  /**
   * Signs session cookies. When unset, Errata generates one on first start and keeps it in the
   * database, so every instance on that database shares it.
   */
  ERRATA_AUTH_SECRET: z.string().min(32, "use at least 32 characters, e.g. openssl rand -base64 32").optional(),
  /** The address people open the dashboard at; with https:// session cookies are marked Secure. */
  ERRATA_BASE_URL: z.url().optional(),
  /** Hours a dashboard session lasts without use before its user must sign in again. */
  ERRATA_SESSION_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(12),
  /** Failed sign-ins allowed per e-mail address, and per client address, within 15 minutes. */
  ERRATA_SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /**
   * Most time SIGTERM/SIGINT may take: finishing in-flight requests, committing queued events,
   * writing buffered key uses, closing the database. Past it the process exits with code 1.
   */
  ERRATA_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
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

export { sqlitePath } from "@/db/dialect";
