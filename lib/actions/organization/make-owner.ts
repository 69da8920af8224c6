"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { member } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { auditStatements, deliverSoon, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { holdsOwnerRole } from "@/lib/auth/keep-an-owner";
import { parseRoleList } from "@/lib/auth/permissions";
import { type MakeOwner, makeOwnerSchema } from "@/lib/validations/organization";
import { dropEvents } from "@/lib/webhooks/outbox";

/**
 * An operator makes a member an owner of their organization: the way out when its only owner must be deleted or is
 * gone. The role change and its audit row land in one batch. If another operator made them owner a moment earlier,
 * the update changes nothing and the answer says so (the row then records the attempt).
 */
export const makeOwnerAction = serverAction(
  "organizations.owner.make",
  async ({ actor, rule }, input: MakeOwner): Promise<ActionResult> => {
    const parsed = makeOwnerSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a member of this organization." };
    const { organizationId, memberId } = parsed.data;
    const db = await getDb();
    const inOrganization = and(eq(member.id, memberId), eq(member.organizationId, organizationId));
    const [target] = await db.select().from(member).where(inOrganization).limit(1);
    if (!target) return { ok: false, error: "This member is no longer in the organization." };
    if (parseRoleList(target.role).includes("owner")) return { ok: false, error: "This member is already an owner." };

    const audit = auditStatements(db, {
      action: rule.action,
      ...actor,
      targetUserId: target.userId,
      organizationId,
      metadata: { memberId, fromRole: target.role },
      ...requestOrigin(await headers()),
    });
    const [changed] = await db.batch([
      db
        .update(member)
        .set({ role: "owner" })
        .where(and(inOrganization, sql`not ${holdsOwnerRole(sql`${member.role}`)}`))
        .returning({ id: member.id }),
      ...audit.statements,
    ]);
    if (changed.length === 0) {
      await dropEvents(db, audit.eventIds); // the row records the attempt; no role changed, so no event
      return { ok: false, error: "This member is already an owner." };
    }
    deliverSoon(audit.eventIds);
    revalidatePath(`/admin/organizations/${organizationId}`);
    return { ok: true, message: "They are now an owner of the organization." };
  },
);
