import "server-only";

import { takeSharedToken } from "@/db/queries/rate-limits";
import { bucketDecision, checkBucketShape, type BucketShape, type RateDecision, type RateLimiter } from "./token-bucket";

/**
 * Token buckets kept in the PostgreSQL database, so every instance on it shares each key's limit
 * (used when no Redis is configured). Costs each ingest request one small write; Redis is cheaper
 * when many instances ingest a lot.
 */
export class DatabaseRateLimiter implements RateLimiter {
  constructor(private readonly shape: BucketShape) {
    checkBucketShape(shape);
  }

  async take(key: string, now: number): Promise<RateDecision> {
    const { admitted, tokens } = await takeSharedToken(key, now, this.shape);
    return bucketDecision(this.shape, admitted, tokens);
  }
}
