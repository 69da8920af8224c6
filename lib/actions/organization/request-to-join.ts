"use server";

import { and, eq, isNotNull, or, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { member, organizationDomain, organizationJoinRequest } from "@/db/schema";
import { type ActionResult, refused } from "@/lib/actions/result";
import { requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { auditIf } from "@/lib/organization/audit-if";
import { domainOfEmail } from "@/lib/organization/join-modes";
import { requestToJoinSchema } from "@/lib/validations/organization-rules";

/**
 * Asks to join an organization that suggests itself to the caller's verified address (its domain verified, join mode
 * "suggest"). An admin approves or refuses it on the organization's domains page.
 */
export const requestToJoinAction = serverAction(
  "organization.join_request.create",
  async ({ actor, rule, session }, input: unknown): Promise<ActionResult> => {
    const parsed = requestToJoinSchema.safeParse(input);
    if (!parsed.success) return refused("INVALID_INPUT", "Choose an organization.");
    const { user } = session;
    if (!user.emailVerified) return refused("EMAIL_NOT_VERIFIED", "Verify your email address first.");
    const domain = domainOfEmail(user.email);
    const db = await getDb();
    const { organizationId } = parsed.data;
    const [suggesting] = await db
      .select({ id: organizationDomain.id })
      .from(organizationDomain)
      .where(
        and(
          eq(organizationDomain.organizationId, organizationId),
          eq(organizationDomain.domain, domain),
          eq(organizationDomain.joinMode, "suggest"),
          or(isNotNull(organizationDomain.affiliationVerifiedAt), isNotNull(organizationDomain.ownershipVerifiedAt)),
        ),
      );
    // The same answer whether the organization exists or not: nothing to learn about others by probing.
    if (!suggesting) return refused("NOT_SUGGESTED", "This organization does not take requests from your address.");
    const [already] = await db
      .select({ id: member.id })
      .from(member)
      .where(and(eq(member.organizationId, organizationId), eq(member.userId, user.id)));
    if (already) return refused("ALREADY_A_MEMBER", "You are already a member of this organization.");

    const id = crypto.randomUUID();
    const [inserted] = await db.batch([
      db
        .insert(organizationJoinRequest)
        .values({ id, organizationId, userId: user.id, domain })
        .onConflictDoNothing()
        .returning({ id: organizationJoinRequest.id }),
      ...auditIf(
        db,
        {
          action: rule.action,
          ...actor,
          targetUserId: user.id,
          organizationId,
          metadata: { requestId: id, domain },
          ...requestOrigin(await headers()),
        },
        sql`exists (select 1 from ${organizationJoinRequest} where ${organizationJoinRequest.id} = ${id})`,
      ),
    ]);
    if (inserted.length === 0)
      return refused("ALREADY_REQUESTED", "You have already asked to join. An admin will decide.");
    return { ok: true, message: "Request sent. You will be a member once an admin approves it." };
  },
);
