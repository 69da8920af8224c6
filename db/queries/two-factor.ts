import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { twoFactor } from "@/db/schema";

export interface TwoFactorStatus {
  /** An authenticator app is set up and confirmed (backup codes exist with it). */
  totp: boolean;
}

/** Which second factors a user has set up, beyond the `twoFactorEnabled` flag on the user. */
export async function getTwoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const db = await getDb();
  const [row] = await db
    .select({ verified: twoFactor.verified })
    .from(twoFactor)
    .where(eq(twoFactor.userId, userId))
    .limit(1);
  return { totp: !!row && row.verified !== false };
}
