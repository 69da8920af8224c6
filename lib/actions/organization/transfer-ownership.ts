"use server";

import { and, eq, inArray, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { auditEvent, member, webhookEvent } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { auditStatements, deliverSoon, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { holdsOwnerRole } from "@/lib/auth/keep-an-owner";
import { orgActionAccess } from "@/lib/auth/org-action";
import { parseRoleList } from "@/lib/auth/permissions";
import { transferOwnershipSchema } from "@/lib/validations/organization";

const OWNER = "owner";
const holdsOwner = (memberId: string) =>
  sql`exists (select 1 from ${member} where ${member.id} = ${memberId} and ${holdsOwnerRole(sql`${member.role}`)})`;

/**
 * Makes another member the owner and the caller an admin, in one atomic step (one D1 batch with its audit row). Each
 * update re-checks ownership inside the batch, so a concurrent change cannot leave the organization without an owner.
 */
export const transferOwnershipAction = serverAction(
  "organization.ownership.transfer",
  async ({ actor, rule }, input: unknown): Promise<ActionResult<{ newOwner: string }>> => {
    const parsed = transferOwnershipSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "This request was not valid. Reload the page and try again." };
    const found = await orgActionAccess(parsed.data.slug);
    if (!found.ok) return found;
    const { access } = found;
    if (!access.can.owner) return { ok: false, error: "Only an owner can transfer ownership." };

    const db = await getDb();
    const orgId = access.org.id;
    const [target] = await db
      .select()
      .from(member)
      .where(and(eq(member.id, parsed.data.memberId), eq(member.organizationId, orgId)))
      .limit(1);
    if (!target) return { ok: false, error: "This member is not in the organization." };
    if (target.id === access.member.id) return { ok: false, error: "You already own this organization." };
    if (parseRoleList(target.role).includes(OWNER)) return { ok: false, error: "This member is already an owner." };

    const me = access.member;
    const auditId = crypto.randomUUID();
    const audit = auditStatements(db, {
      id: auditId,
      action: rule.action,
      ...actor,
      targetUserId: target.userId,
      organizationId: orgId,
      metadata: { fromRole: me.role, toPreviousRole: target.role },
      ...requestOrigin(await headers()),
    });
    const landed = sql`(${holdsOwner(target.id)} and not ${holdsOwner(me.id)})`;
    await db.batch([
      db
        .update(member)
        .set({ role: OWNER })
        .where(and(eq(member.id, target.id), eq(member.organizationId, orgId), holdsOwner(me.id))),
      db
        .update(member)
        .set({ role: "admin" })
        .where(and(eq(member.id, me.id), holdsOwnerRole(sql`${member.role}`), holdsOwner(target.id))),
      ...audit.statements,
      // A transfer that did not land (a concurrent change) leaves no audit row and no events either.
      db.delete(auditEvent).where(and(eq(auditEvent.id, auditId), sql`not ${landed}`)),
      db.delete(webhookEvent).where(and(inArray(webhookEvent.id, audit.eventIds), sql`not ${landed}`)),
    ]);

    const [after] = await db.select({ role: member.role }).from(member).where(eq(member.id, target.id)).limit(1);
    if (!after || !parseRoleList(after.role).includes(OWNER)) {
      return { ok: false, error: "Ownership could not be transferred. Reload the page and try again." };
    }
    deliverSoon(audit.eventIds);
    return { ok: true, message: "Ownership transferred.", data: { newOwner: target.userId } };
  },
);
