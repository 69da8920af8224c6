// Activity roll-ups (issue 20): the counter names, the UTC day, and the one counter this code bumps itself (failed
// sign-ins, which leave no audit row). Every other counter is bumped by the triggers of migrations/0016 in the same
// statement as the row it counts (audit_event, user, organization, member, sign_in_lockout).
import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { activityCounter } from "@/db/schema";

/** Every counter name, platform-wide ("") or per organization (marked `org`). */
export const ACTIVITY_COUNTERS = [
  "sign_up",
  "sign_in.password",
  "sign_in.passkey",
  "sign_in.social",
  "sign_in.other",
  "sign_in.failed",
  "lockout",
  "ban",
  "impersonation",
  "invitation.sent",
  "invitation.accepted",
  "organization.created",
  "member.added",
  "member.removed",
  "role.changed",
  "denied",
  "active",
  "counting.began",
] as const;
export type ActivityCounter = (typeof ACTIVITY_COUNTERS)[number];

export const SIGN_IN_COUNTERS = [
  "sign_in.password",
  "sign_in.passkey",
  "sign_in.social",
  "sign_in.other",
] as const satisfies readonly ActivityCounter[];

/** The UTC day of a time, `YYYY-MM-DD` (the `day` of the roll-ups). */
export function utcDay(at: Date | number = Date.now()): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The UTC day `days` before `day`. */
export function daysBefore(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000);
}

/**
 * An upsert adding `by` to a counter of a day, not yet run: put it in the `db.batch` of the write it counts. Concurrent
 * upserts add up (`n = n + excluded.n` runs inside SQLite), so none is lost.
 */
export function bumpCounter(
  db: Database,
  counter: ActivityCounter,
  { scope = "", at = Date.now(), by = 1 }: { scope?: string; at?: Date | number; by?: number } = {},
) {
  return db
    .insert(activityCounter)
    .values({ scope, day: utcDay(at), counter, n: by })
    .onConflictDoUpdate({
      target: [activityCounter.scope, activityCounter.day, activityCounter.counter],
      set: { n: sql`${activityCounter.n} + excluded.n` },
    });
}
