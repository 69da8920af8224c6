import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { signInLockout, twoFactor } from "@/db/schema";
import { lockoutKey } from "@/lib/auth/sign-in-lockout";

/**
 * Until when a user cannot sign in because of failed attempts: wrong passwords (our lockout) or wrong second-factor
 * codes (better-auth's two-factor lock), whichever ends later; null when neither holds now.
 */
export async function getAccountLock(user: { id: string; email: string }): Promise<Date | null> {
  const db = await getDb();
  const now = new Date();
  const [password, secondFactor] = await db.batch([
    db
      .select({ until: signInLockout.lockedUntil })
      .from(signInLockout)
      .where(and(eq(signInLockout.email, lockoutKey(user.email)), gt(signInLockout.lockedUntil, now))),
    db
      .select({ until: twoFactor.lockedUntil })
      .from(twoFactor)
      .where(and(eq(twoFactor.userId, user.id), gt(twoFactor.lockedUntil, now))),
  ]);
  const times = [...password, ...secondFactor].map((row) => row.until?.getTime() ?? 0);
  const latest = Math.max(0, ...times);
  return latest > 0 ? new Date(latest) : null;
}
