import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { passkey, passkeyActivity } from "@/db/schema";
import { getAuthenticatorName } from "@/lib/auth/plugins/passkeys";

export interface PasskeyItem {
  id: string;
  /** The name its owner gave it, else the authenticator's maker when known (e.g. "iCloud Keychain"), else "Passkey". */
  label: string;
  /** Synced between devices by a passkey provider ("multiDevice"), or bound to one device. */
  synced: boolean;
  createdAt: Date | null;
  lastUsedAt: Date | null;
}

/** A user's passkeys with their last use (recorded by us), newest first. */
export async function listPasskeys(userId: string): Promise<PasskeyItem[]> {
  return toPasskeyItems(await passkeysQuery(await getDb(), userId));
}

/** The statement behind `listPasskeys`, for a `db.batch` with a page's other reads. */
export function passkeysQuery(db: Database, userId: string) {
  return db
    .select({
      id: passkey.id,
      name: passkey.name,
      aaguid: passkey.aaguid,
      deviceType: passkey.deviceType,
      createdAt: passkey.createdAt,
      lastUsedAt: passkeyActivity.lastUsedAt,
    })
    .from(passkey)
    .leftJoin(passkeyActivity, eq(passkeyActivity.passkeyId, passkey.id))
    .where(eq(passkey.userId, userId))
    .orderBy(desc(passkey.createdAt));
}

export function toPasskeyItems(rows: Awaited<ReturnType<typeof passkeysQuery>>): PasskeyItem[] {
  return rows.map((row) => ({
    id: row.id,
    label: row.name || getAuthenticatorName(row.aaguid ?? undefined) || "Passkey",
    synced: row.deviceType === "multiDevice",
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

/** Whether a user has at least one passkey (one indexed read). */
export async function hasPasskey(userId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ id: passkey.id }).from(passkey).where(eq(passkey.userId, userId)).limit(1);
  return rows.length > 0;
}
