import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passkey, twoFactor, verification } from "@/db/schema";
import { auditInsert } from "@/lib/audit";
import { TRUST_DEVICE_LABEL_PREFIX, TRUST_DEVICE_PREFIX } from "@/lib/auth/trusted-device-labels";
import { createHarness, type Harness, PASSWORD } from "@/test/auth-harness";
import { selectSecurityOverview } from "./account-security";
import { selectImpersonations } from "./impersonations";
import { passkeysQuery, toPasskeyItems } from "./passkeys";
import { toTrustedDevices, trustedDevicesQuery } from "./trusted-devices";
import { toTwoFactorStatus, twoFactorStatusQuery } from "./two-factor";

// /account/security reads its four cards in one db.batch; each part must be what the read alone returns.
describe("selectSecurityOverview", () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  const NOW = new Date("2026-06-01T12:00:00Z");
  beforeAll(async () => {
    h = await createHarness();
    for (const [key, role] of [
      ["ada", "user"],
      ["op", "admin"],
      ["bob", "user"],
    ] as const) {
      const { user } = await h.auth.api.createUser({
        body: { name: key, email: `${key}@example.test`, password: PASSWORD, role },
      });
      ids[key] = user.id;
    }
    const ada = ids.ada as string;
    await h.db.batch([
      h.db.insert(twoFactor).values({ id: "tf-1", secret: "s", backupCodes: "c", userId: ada, verified: true }),
      h.db.insert(passkey).values({
        id: "pk-1",
        name: "Laptop",
        publicKey: "k",
        userId: ada,
        credentialID: "cred-1",
        counter: 0,
        deviceType: "multiDevice",
        backedUp: true,
        createdAt: new Date(NOW.getTime() - 86_400_000),
      }),
      h.db.insert(verification).values([
        {
          id: "v-1",
          identifier: `${TRUST_DEVICE_PREFIX}abc`,
          value: ada,
          expiresAt: new Date(NOW.getTime() + 86_400_000),
          createdAt: new Date(NOW.getTime() - 3_600_000),
        },
        {
          id: "v-2",
          identifier: `${TRUST_DEVICE_LABEL_PREFIX}${TRUST_DEVICE_PREFIX}abc`,
          value: JSON.stringify({ userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", ip: "198.51.100.4" }),
          expiresAt: new Date(NOW.getTime() + 86_400_000),
        },
      ]),
    ]);
    await auditInsert(h.db, {
      action: "impersonation.start",
      actorUserId: ids.op,
      targetUserId: ada,
      reason: "ticket 42",
      metadata: { sessionExpiresAt: new Date(NOW.getTime() - 1_800_000).toISOString() },
      at: new Date(NOW.getTime() - 3_600_000),
    });
  });
  afterAll(() => h.close());

  it("answers each card as its own read does, in one call", async () => {
    const ada = ids.ada as string;
    const overview = await selectSecurityOverview(h.db, ada, NOW);
    expect(overview).toEqual({
      status: toTwoFactorStatus(await twoFactorStatusQuery(h.db, ada)),
      passkeys: toPasskeyItems(await passkeysQuery(h.db, ada)),
      devices: toTrustedDevices(await trustedDevicesQuery(h.db, ada, NOW)),
      impersonations: await selectImpersonations(h.db, ada, { now: NOW }),
    });
    expect(overview.status).toEqual({ totp: true });
    expect(overview.passkeys).toEqual([expect.objectContaining({ id: "pk-1", label: "Laptop", synced: true })]);
    expect(overview.devices).toEqual([
      expect.objectContaining({ identifier: `${TRUST_DEVICE_PREFIX}abc`, ip: "198.51.100.4" }),
    ]);
    expect(overview.impersonations).toEqual([
      expect.objectContaining({
        reason: "ticket 42",
        staffRole: "admin",
        end: expect.objectContaining({ kind: "expired" }),
      }),
    ]);
  });

  it("answers a user with none of them with empty cards", async () => {
    expect(await selectSecurityOverview(h.db, ids.bob as string, NOW)).toEqual({
      status: { totp: false },
      passkeys: [],
      devices: [],
      impersonations: [],
    });
  });
});
