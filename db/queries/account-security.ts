import "server-only";
import { getDb } from "@/db";
import type { Database } from "@/db/database";
import { impersonationsQuery, toImpersonations } from "./impersonations";
import { passkeysQuery, toPasskeyItems } from "./passkeys";
import { toTrustedDevices, trustedDevicesQuery } from "./trusted-devices";
import { toTwoFactorStatus, twoFactorStatusQuery } from "./two-factor";

/**
 * What /account/security shows of a user, in one D1 call: the four reads are independent, and a D1 call costs about
 * 0.5 ms of the Worker's CPU whatever it carries (README, "Performance"), so they go in one `db.batch` rather than
 * four. Each part is what its own function (getTwoFactorStatus, listPasskeys, ...) returns.
 * D1 answers a batch with rows as objects keyed by column name, which Drizzle turns back into arrays: a statement in a
 * batch must not name two columns alike (a join selecting two `id`s would lose one). These four do not.
 */
export async function selectSecurityOverview(db: Database, userId: string, now = new Date()) {
  const [twoFactorRows, passkeyRows, deviceRows, impersonationRows] = await db.batch([
    twoFactorStatusQuery(db, userId),
    passkeysQuery(db, userId),
    trustedDevicesQuery(db, userId, now),
    impersonationsQuery(db, userId),
  ]);
  return {
    status: toTwoFactorStatus(twoFactorRows),
    passkeys: toPasskeyItems(passkeyRows),
    devices: toTrustedDevices(deviceRows),
    impersonations: toImpersonations(impersonationRows, now),
  };
}

export async function loadSecurityOverview(userId: string) {
  return selectSecurityOverview(await getDb(), userId);
}
