"use server";

import { and, eq, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { organizationDomain, organizationJoinRequest, user } from "@/db/schema";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, refused } from "@/lib/actions/result";
import { auditInsert, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { orgActionAccess } from "@/lib/auth/org-action";
import { getAuth } from "@/lib/auth/server";
import { auditIf } from "@/lib/organization/audit-if";
import { decideJoinRequestSchema } from "@/lib/validations/organization-rules";

/**
 * Approves (the person joins with the domain's default role, within the organization's member limit) or refuses a
 * request to join. Deciding is for those who may invite; a request is decided once.
 */
export const decideJoinRequestAction = serverAction(
  "organization.join_request.decide",
  async ({ actor }, input: unknown): Promise<ActionResult> => {
    const parsed = decideJoinRequestSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID_INPUT", "Choose a request.");
    const found = await orgActionAccess(parsed.data.slug, "invitations");
    if (!found.ok) return found;
    const { org, session } = found.access;
    const db = await getDb();
    const { requestId, decision } = parsed.data;
    const status = decision === "approve" ? "approved" : "refused";
    const pending = and(
      eq(organizationJoinRequest.id, requestId),
      eq(organizationJoinRequest.organizationId, org.id),
      eq(organizationJoinRequest.status, "pending"),
    );
    const origin = requestOrigin(await headers());
    const decided = { status, decidedAt: new Date(), decidedBy: session.user.id };
    const [request] = await db
      .select({ userId: organizationJoinRequest.userId, domain: organizationJoinRequest.domain, name: user.name })
      .from(organizationJoinRequest)
      .innerJoin(user, eq(user.id, organizationJoinRequest.userId))
      .where(pending);
    if (!request) return refused("REQUEST_DECIDED", "This request was already decided. Reload the page.");
    const entry = {
      action: decision === "approve" ? ("join_request.approve" as const) : ("join_request.refuse" as const),
      ...actor,
      targetUserId: request.userId,
      organizationId: org.id,
      metadata: { requestId, domain: request.domain },
      ...origin,
    };

    if (decision === "refuse") {
      // The refusal and its row land together; the row only if this request's update is the one that decided it.
      const [changed] = await db.batch([
        db.update(organizationJoinRequest).set(decided).where(pending).returning({ id: organizationJoinRequest.id }),
        ...auditIf(
          db,
          entry,
          sql`exists (select 1 from ${organizationJoinRequest} where ${organizationJoinRequest.id} = ${requestId}
            and ${organizationJoinRequest.status} = 'refused'
            and ${organizationJoinRequest.decidedAt} = ${decided.decidedAt.getTime()}
            and ${organizationJoinRequest.decidedBy} = ${session.user.id})`,
        ),
      ]);
      if (changed.length === 0) return refused("REQUEST_DECIDED", "This request was already decided. Reload the page.");
      return { ok: true, message: `${request.name}'s request was refused.` };
    }

    // Claimed first, so two admins approving at once add the person once; given back if better-auth refuses.
    const claimed = await db
      .update(organizationJoinRequest)
      .set(decided)
      .where(pending)
      .returning({ id: organizationJoinRequest.id });
    if (claimed.length === 0) return refused("REQUEST_DECIDED", "This request was already decided. Reload the page.");
    const [domain] = await db
      .select({ defaultRole: organizationDomain.defaultRole })
      .from(organizationDomain)
      .where(and(eq(organizationDomain.organizationId, org.id), eq(organizationDomain.domain, request.domain)));
    const role = domain?.defaultRole ?? "member";
    try {
      // better-auth adds the member (its membership limit holds); the role is one of this organization's.
      await (await getAuth()).api.addMember({
        body: { organizationId: org.id, userId: request.userId, role: role as "member" },
      });
    } catch (error) {
      await db
        .update(organizationJoinRequest)
        .set({ status: "pending", decidedAt: null, decidedBy: null })
        .where(eq(organizationJoinRequest.id, requestId));
      return apiFailure(error, "approving a join request");
    }
    await db.batch([auditInsert(db, { ...entry, metadata: { ...entry.metadata, role } })]);
    return { ok: true, message: `${request.name} joined as ${role}.` };
  },
);
