// The state of the per-account sign-in lockout (lib/auth/plugins/account-lockout.ts) in D1's `sign_in_lockout`: how an
// address is keyed, claiming an attempt atomically, counting a failure, giving a claim back, and clearing it. Outside
// the plugins so the console's queries (db/queries/account-lock.ts) key addresses the same way.
import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { signInLockout } from "@/db/schema";
import { bumpCounter } from "@/lib/activity";

export const LOCKOUT_MAX_FAILURES = 10;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_DURATION_MS = 15 * 60_000;

export const ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

/** The key of an address: better-auth looks users up by the lower-cased address; surrounding spaces never matter. */
export function lockoutKey(email: string) {
  return email.trim().toLowerCase();
}

/** What a locked account is told: how long, and the way out. Never whether the password was right. */
export function lockedMessage(lockedUntil: Date, now = Date.now()) {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} or reset your password.`;
}

/** The lock on an address, if it is locked now. */
export async function lockedUntil(db: Database, email: string, now = Date.now()): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInLockout.lockedUntil })
    .from(signInLockout)
    .where(and(eq(signInLockout.email, lockoutKey(email)), gt(signInLockout.lockedUntil, new Date(now))))
    .limit(1);
  return row?.lockedUntil ?? null;
}

/** What claiming an attempt decided: go ahead as attempt number `attempt` of the window, or refuse (locked). */
export type Claim = { lockedUntil: Date; attempt?: undefined } | { lockedUntil: null; attempt: number };

/**
 * The statement that claims one attempt for an address, atomically (returns the window's count, or no row while the
 * address is locked). A query builder, so it can ride in a `db.batch` with other reads (plugins/account-lockout.ts
 * sends a sign-in's session-start reads with it). A window older than 15 minutes (or an expired lock) starts again
 * from this attempt.
 */
export function claimStatement(db: Database, email: string, now: number) {
  const stale = sql`(${signInLockout.windowStartedAt} <= ${now - LOCKOUT_WINDOW_MS} or ${signInLockout.lockedUntil} <= ${now})`;
  return db
    .insert(signInLockout)
    .values({ email: lockoutKey(email), failures: 1, windowStartedAt: new Date(now), lockedUntil: null })
    .onConflictDoUpdate({
      target: signInLockout.email,
      set: {
        failures: sql`case when ${stale} then 1 else ${signInLockout.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${now} else ${signInLockout.windowStartedAt} end`,
        lockedUntil: sql`case when ${stale} then null else ${signInLockout.lockedUntil} end`,
      },
      // A locked address is not counted further: the lock ends when it was set to, whatever an attacker does.
      setWhere: or(isNull(signInLockout.lockedUntil), lte(signInLockout.lockedUntil, new Date(now))),
    })
    .returning({ failures: signInLockout.failures });
}

/**
 * What a claim decided, from its statement's rows: the attempt's number in the window when it may go ahead, or the
 * time the address is locked until.
 */
export async function claimDecision(
  db: Database,
  email: string,
  now: number,
  claimed: { failures: number }[],
): Promise<Claim> {
  const key = lockoutKey(email);
  const failures = claimed[0]?.failures;
  if (failures === undefined) {
    return { lockedUntil: (await lockedUntil(db, key, now)) ?? new Date(now + LOCKOUT_DURATION_MS) };
  }
  // More attempts in flight than the budget: the 11th is refused before any password is checked, and locks.
  if (failures > LOCKOUT_MAX_FAILURES) {
    const locked = await lockIfSpent(db, key, now);
    if (locked) return { lockedUntil: locked };
  }
  return { lockedUntil: null, attempt: failures };
}

/** Claims one attempt for an address (claimStatement, then claimDecision). */
export async function claimAttempt(db: Database, email: string, now = Date.now()): Promise<Claim> {
  return claimDecision(db, email, now, await claimStatement(db, email, now));
}

/** Locks the address when its failures reached the limit; returns the lock (null when not locked). */
async function lockIfSpent(db: Database, key: string, now: number): Promise<Date | null> {
  await db
    .update(signInLockout)
    .set({ lockedUntil: new Date(now + LOCKOUT_DURATION_MS) })
    .where(
      and(
        eq(signInLockout.email, key),
        sql`${signInLockout.failures} >= ${LOCKOUT_MAX_FAILURES}`,
        isNull(signInLockout.lockedUntil),
      ),
    );
  return lockedUntil(db, key, now);
}

/** A wrong password: the claim stays counted; locks the address at the limit. Returns the lock, if any. */
export async function recordFailure(db: Database, email: string, now = Date.now()): Promise<Date | null> {
  // Rows whose window and lock are both over are dead weight (addresses tried once and never again). The failure is
  // counted for the dashboards (`sign_in.failed`) in the same batch: it leaves no audit row a trigger could count.
  await db.batch([
    db
      .delete(signInLockout)
      .where(
        and(
          lte(signInLockout.windowStartedAt, new Date(now - LOCKOUT_WINDOW_MS)),
          or(isNull(signInLockout.lockedUntil), lte(signInLockout.lockedUntil, new Date(now))),
        ),
      ),
    bumpCounter(db, "sign_in.failed", { at: now }),
  ]);
  return lockIfSpent(db, lockoutKey(email), now);
}

/** An attempt that was neither right nor wrong (unverified address, ban, bad input): it does not count. */
export async function releaseAttempt(db: Database, email: string) {
  await db
    .update(signInLockout)
    .set({ failures: sql`${signInLockout.failures} - 1` })
    .where(
      and(eq(signInLockout.email, lockoutKey(email)), gt(signInLockout.failures, 0), isNull(signInLockout.lockedUntil)),
    );
}

/** A successful sign-in (or an operator's unlock): the count starts again from zero. */
export function clearLockout(db: Database, email: string) {
  return db.delete(signInLockout).where(eq(signInLockout.email, lockoutKey(email)));
}
