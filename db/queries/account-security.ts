import "server-only";
import type { Database } from "@/db/database";
import { type BatchedRead, runRead } from "./batched-read";
import { impersonationsQuery, toImpersonations } from "./impersonations";
import { passkeysQuery, toPasskeyItems } from "./passkeys";
import { toTrustedDevices, trustedDevicesQuery } from "./trusted-devices";
import { toTwoFactorStatus, twoFactorStatusQuery } from "./two-factor";

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/**
 * What /account/security shows of a user, as one read: the four are independent, so they go in one `db.batch` (with
 * the session check, on a page load: lib/auth/server.ts `readWithSession`). Each part is what its own function
 * (getTwoFactorStatus, listPasskeys, ...) returns.
 */
export function securityOverviewRead(userId: string, now = new Date()) {
  return {
    key: `security-overview:${userId}`,
    statements: (db) => [
      twoFactorStatusQuery(db, userId),
      passkeysQuery(db, userId),
      trustedDevicesQuery(db, userId, now),
      impersonationsQuery(db, userId),
    ],
    map: ([twoFactorRows, passkeyRows, deviceRows, impersonationRows]) => ({
      status: toTwoFactorStatus(twoFactorRows as Rows<typeof twoFactorStatusQuery>),
      passkeys: toPasskeyItems(passkeyRows as Rows<typeof passkeysQuery>),
      devices: toTrustedDevices(deviceRows as Rows<typeof trustedDevicesQuery>),
      impersonations: toImpersonations(impersonationRows as Rows<typeof impersonationsQuery>, now),
    }),
  } satisfies BatchedRead<unknown>;
}

export async function selectSecurityOverview(db: Database, userId: string, now = new Date()) {
  return runRead(db, securityOverviewRead(userId, now));
}
