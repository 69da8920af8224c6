// Upkeep of the `rate_limit` counters that better-auth's limiter and our own limits share
// (lib/auth/plugins/server-call-rate-limit.ts counts them).
import { inArray, lt } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rateLimit } from "@/db/schema";

/** How long a counter outlives its last request before the cron prunes it: longer than any rule's window. */
export const RATE_LIMIT_RETENTION_MS = 60 * 60 * 1000;

/**
 * Deletes counters idle for longer than any window (at most `limit` per call). The cron runs it once an hour:
 * `last_request` has no index (one would cost a row written on every counted request), so each run reads the table.
 */
export async function pruneRateLimits(db: Database, now = Date.now(), limit = 5000) {
  const idle = db
    .select({ id: rateLimit.id })
    .from(rateLimit)
    .where(lt(rateLimit.lastRequest, now - RATE_LIMIT_RETENTION_MS))
    .limit(limit);
  await db.delete(rateLimit).where(inArray(rateLimit.id, idle));
}
