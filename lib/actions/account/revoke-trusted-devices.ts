"use server";

import { and, eq, inArray, like, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { verification } from "@/db/schema";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { requireSession } from "@/lib/auth/guard";
import { TRUST_DEVICE_LABEL_PREFIX, TRUST_DEVICE_PREFIX } from "@/lib/auth/plugins/trusted-devices";
import type { ActionResult } from "./action-result";

const device = alias(verification, "device");

/** Stops trusting every device of the caller: each one is asked for the second factor at its next sign-in. */
export async function revokeTrustedDevicesAction(): Promise<ActionResult> {
  const { user } = await requireSession();
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
      action: "user.trusted_device.revoke_all",
      actorUserId: user.id,
      targetUserId: user.id,
      ...requestOrigin(await headers()),
    }),
  ]);
  revalidatePath("/account/security");
  return { ok: true, message: "No device is trusted any more: each will be asked for a second factor." };
}
