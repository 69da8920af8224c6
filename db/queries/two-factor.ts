import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { twoFactor } from "@/db/schema";

export interface TwoFactorStatus {
  /** An authenticator app is set up and confirmed (backup codes exist with it). */
  totp: boolean;
}

/** Which second factors a user has set up, beyond the `twoFactorEnabled` flag on the user. */
export async function getTwoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  return toTwoFactorStatus(await twoFactorStatusQuery(await getDb(), userId));
}

/** The statement behind `getTwoFactorStatus`, for a `db.batch` with a page's other reads. */
export function twoFactorStatusQuery(db: Database, userId: string) {
  return db.select({ verified: twoFactor.verified }).from(twoFactor).where(eq(twoFactor.userId, userId)).limit(1);
}

export function toTwoFactorStatus([row]: Awaited<ReturnType<typeof twoFactorStatusQuery>>): TwoFactorStatus {
  return { totp: !!row && row.verified !== false };
}
