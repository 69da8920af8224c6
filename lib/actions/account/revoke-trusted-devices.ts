"use server";

import { and, eq, inArray, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { verification } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { TRUST_DEVICE_LABEL_PREFIX, TRUST_DEVICE_PREFIX } from "@/lib/auth/plugins/trusted-devices";

const device = alias(verification, "device");

/** Stops trusting every device of the caller: each one is asked for the second factor at its next sign-in. */
export const revokeTrustedDevicesAction = serverAction(
  "account.trusted_devices.revoke_all",
  async ({ session: { user }, actor, rule }): Promise<ActionResult> => {
    const db = await getDb();
    const mine = and(eq(verification.value, user.id), like(verification.identifier, `${TRUST_DEVICE_PREFIX}%`));
    // Labels first: they are found through the device rows the second statement deletes.
    const labelsOfMine = db
      .select({ identifier: sql<string>`${TRUST_DEVICE_LABEL_PREFIX} || ${device.identifier}` })
      .from(device)
      .where(and(eq(device.value, user.id), like(device.identifier, `${TRUST_DEVICE_PREFIX}%`)));
    await db.batch([
      db.delete(verification).where(inArray(verification.identifier, labelsOfMine)),
      db.delete(verification).where(mine),
      auditInsert(db, {
        action: rule.action,
        ...actor,
        targetUserId: user.id,
        ...requestOrigin(await headers()),
      }),
    ]);
    revalidatePath("/account/security");
    return { ok: true, message: "No device is trusted any more: each will be asked for a second factor." };
  },
);
