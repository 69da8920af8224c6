"use server";

import { and, eq, like } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { verification } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { TRUST_DEVICE_LABEL_PREFIX, TRUST_DEVICE_PREFIX } from "@/lib/auth/plugins/trusted-devices";
import { type RecordId, recordIdSchema } from "@/lib/validations/account";

/**
 * Stops trusting one of the caller's devices: better-auth finds no `trust-device-*` row for that browser's cookie
 * any more, so its next sign-in asks for the second factor again.
 */
export const revokeTrustedDeviceAction = serverAction(
  "account.trusted_device.revoke",
  async ({ session: { user }, actor, rule }, input: RecordId): Promise<ActionResult> => {
    const parsed = recordIdSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a device to remove." };

    const db = await getDb();
    const mine = and(
      eq(verification.id, parsed.data.id),
      eq(verification.value, user.id),
      like(verification.identifier, `${TRUST_DEVICE_PREFIX}%`),
    );
    const [device] = await db.select({ identifier: verification.identifier }).from(verification).where(mine).limit(1);
    if (!device) return { ok: false, error: "That device is no longer trusted." };

    await db.batch([
      db.delete(verification).where(mine),
      db.delete(verification).where(eq(verification.identifier, `${TRUST_DEVICE_LABEL_PREFIX}${device.identifier}`)),
      auditInsert(db, {
        action: rule.action,
        ...actor,
        targetUserId: user.id,
        ...requestOrigin(await headers()),
      }),
    ]);
    revalidatePath("/account/security");
    return { ok: true, message: "That device will be asked for a second factor at its next sign-in." };
  },
);
