"use server";

import { and, eq, gt } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { invitation } from "@/db/schema";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { auditInsert, recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getOrgAccess } from "@/lib/auth/guard";
import { getAuth } from "@/lib/auth/server";
import { changeInvitationRoleSchema } from "@/lib/validations/organization";

/**
 * A pending invitation's role, changed. better-auth has no endpoint for it, so: cancel it and invite the same address
 * again with the new role and team, through better-auth (which checks the caller may grant the role, applies the
 * invitation limits, writes its own audit rows and mails the new link), then one row of ours with from → to. If the
 * new invitation is refused, the cancelled one is made pending again: the invitee keeps a working link either way.
 */
export const changeInvitationRoleAction = serverAction(
  "organization.invitation.change_role",
  async ({ actor, rule }, input: unknown): Promise<ActionResult<{ invitationId: string }>> => {
    const parsed = changeInvitationRoleSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Choose a role." };
    const access = await getOrgAccess(parsed.data.slug);
    if (!access) return { ok: false, error: "This organization does not exist or you are not a member." };
    if (!access.can.invitations || !access.can.cancelInvitations) {
      return { ok: false, error: "Your role cannot change invitations." };
    }
    const db = await getDb();
    const orgId = access.org.id;
    const [pending] = await db
      .select()
      .from(invitation)
      .where(
        and(
          eq(invitation.id, parsed.data.invitationId),
          eq(invitation.organizationId, orgId),
          eq(invitation.status, "pending"),
          gt(invitation.expiresAt, new Date()),
        ),
      )
      .limit(1);
    if (!pending) return { ok: false, error: "This invitation is no longer pending. Reload the page." };
    const role = parsed.data.role;
    if (pending.role === role)
      return { ok: true, message: "The invitation already has this role.", data: { invitationId: pending.id } };

    const auth = await getAuth();
    const requestHeaders = await headers();
    try {
      await auth.api.cancelInvitation({ headers: requestHeaders, body: { invitationId: pending.id } });
    } catch (error) {
      return apiFailure(error, "cancelInvitation");
    }
    let created: { id: string };
    try {
      created = await auth.api.createInvitation({
        headers: requestHeaders,
        body: {
          organizationId: orgId,
          email: pending.email,
          role: role as "member",
          ...(pending.teamId ? { teamId: pending.teamId } : {}),
        },
      });
    } catch (error) {
      // The old link works again, and the trail says so.
      await db.batch([
        db.update(invitation).set({ status: "pending" }).where(eq(invitation.id, pending.id)),
        auditInsert(db, {
          action: `${rule.action}.denied`,
          ...actor,
          organizationId: orgId,
          metadata: { invitationId: pending.id, email: pending.email, from: pending.role, to: role, restored: true },
          ...requestOrigin(requestHeaders),
        }),
      ]);
      return apiFailure(error, "createInvitation");
    }
    await recordAudit(db, {
      action: rule.action,
      ...actor,
      organizationId: orgId,
      metadata: { invitationId: created.id, replaces: pending.id, email: pending.email, from: pending.role, to: role },
      ...requestOrigin(requestHeaders),
    });
    return {
      ok: true,
      message: `${pending.email} is now invited as ${role}; a new link is on its way.`,
      data: { invitationId: created.id },
    };
  },
);
