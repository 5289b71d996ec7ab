import { describe } from "vitest";
import { setupFreshDatabasePerTest, testBackend } from "@/lib/testing/test-db";
import { DatabaseRateLimiter } from "./database-limiter";
import { sharedLimiterContract } from "./testing/limiter-contract";

// The database limiter exists for PostgreSQL, where several instances share one database; on
// SQLite one process serves and keeps its buckets in memory (token-bucket.test.ts), so there is no
// rate_limit_buckets table to test against.
describe.skipIf(testBackend() !== "postgres")("DatabaseRateLimiter (PostgreSQL)", () => {
  setupFreshDatabasePerTest();
  sharedLimiterContract((shape) => new DatabaseRateLimiter(shape));
});
