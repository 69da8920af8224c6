// Invitations to a key's organization: listed, sent and cancelled by the provisioning API. An invitation is written
// in the shape better-auth's organization plugin writes it (its adapter's createInvitation: id, lowercased email,
// roles joined by commas, status "pending", the plugin's expiry, the inviter), so the invitee accepts it through
// better-auth's normal flow (/accept-invitation/<id>). The inviter is the key's creator, the actor the key. The
// console's rules apply for that creator: the grant rule, owners invite owners, the pending limit, the per-address
// and per-inviter limits and the in-flight gate (organization-invitations.ts `claimInvitationLimits`). The mail goes
// through the one sender (lib/email); a failed mail keeps the invitation (the answer says so; resend it).
import type { AuthContext } from "better-auth";
import { and, count, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import { auditEvent, invitation, member, team, user } from "@/db/schema";
import { auditStatements, deliverSoon } from "@/lib/audit";
import { orgLimits } from "@/lib/auth/org-limits";
import { parseRoleList } from "@/lib/auth/permissions";
import { claimInvitationLimits } from "@/lib/auth/plugins/organization-invitations";
import { limitMessages } from "@/lib/auth/plugins/organization-policy";
import { mayGrantRoles } from "@/lib/auth/plugins/organization-roles";
import { releaseRateLimit } from "@/lib/auth/plugins/server-call-rate-limit";
import { isOrgOwner } from "@/lib/auth/rules";
import { sendInvitationMail } from "@/lib/email/messages";
import { dropEvents } from "@/lib/webhooks/outbox";
import {
  apiRefusal,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR,
  type KeyCall,
  keyAuditFields,
  type OperationResult,
  type ProvisioningDeps,
  refusalOf,
} from "./call";
import { unknownRoles } from "./members";

/** How long an invitation is valid: the organization plugin's `invitationExpiresIn` (create-auth.ts). */
const INVITATION_SECONDS = 60 * 60 * 48;

export interface ApiInvitation {
  id: string;
  email: string;
  role: string;
  teamId: string | null;
  status: string;
  inviterId: string;
  createdAt: string;
  expiresAt: string;
}

type InvitationRow = typeof invitation.$inferSelect;

const toApi = (row: InvitationRow): ApiInvitation => ({
  id: row.id,
  email: row.email,
  role: row.role ?? "member",
  teamId: row.teamId,
  status: row.status,
  inviterId: row.inviterId,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/** A page of the organization's invitations (pending and unexpired unless `status` says otherwise), newest first. */
export async function listInvitations(
  { db }: ProvisioningDeps,
  call: KeyCall,
  query: { cursor?: string | undefined; limit: number; status: "pending" | "accepted" | "rejected" | "canceled" },
): Promise<OperationResult<{ data: ApiInvitation[]; nextCursor: string | null }>> {
  const position = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !position) return INVALID_CURSOR;
  const after = position
    ? (or(
        lt(invitation.createdAt, position.at),
        and(eq(invitation.createdAt, position.at), lt(invitation.id, position.id)),
      ) as SQL)
    : undefined;
  const rows = await db
    .select()
    .from(invitation)
    .where(
      and(
        eq(invitation.organizationId, call.key.organization.id),
        eq(invitation.status, query.status),
        query.status === "pending" ? gt(invitation.expiresAt, new Date()) : undefined,
        after,
      ),
    )
    .orderBy(desc(invitation.createdAt), desc(invitation.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    ok: true,
    audited: false,
    body: {
      data: page.map(toApi),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    },
  };
}

/** Why this invitation may not be sent (before any limit is counted), or null. */
async function invitationProblem(
  deps: ProvisioningDeps,
  call: KeyCall,
  input: { email: string; roles: string[]; teamId?: string | undefined },
) {
  const { db } = deps;
  const orgId = call.key.organization.id;
  const creator = call.key.creator;
  const unknown = await unknownRoles(deps, orgId, input.roles);
  if (unknown.length > 0) return apiRefusal(400, "ROLE_NOT_FOUND", `No such role: ${unknown.join(", ")}.`);
  if (input.roles.includes("owner") && !isOrgOwner(creator.role)) {
    return refusalOf(403, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE");
  }
  const context = (await deps.auth.$context) as unknown as AuthContext;
  if (!(await mayGrantRoles(context, { organizationId: orgId, role: creator.role }, orgId, input.roles))) {
    return refusalOf(403, "YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD");
  }
  const [already] = await db
    .select({ id: member.id })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, orgId), eq(user.email, input.email)))
    .limit(1);
  if (already) return refusalOf(409, "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION");
  const pending = and(
    eq(invitation.organizationId, orgId),
    eq(invitation.status, "pending"),
    gt(invitation.expiresAt, new Date()),
  );
  const [invited] = await db
    .select({ id: invitation.id })
    .from(invitation)
    .where(and(pending, eq(invitation.email, input.email)))
    .limit(1);
  if (invited) return refusalOf(409, "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION");
  const limits = orgLimits(deps.settings);
  const [open] = await db.select({ n: count() }).from(invitation).where(pending);
  if ((open?.n ?? 0) >= limits.pendingInvitations) {
    return apiRefusal(409, "INVITATION_LIMIT_REACHED", limitMessages(limits).INVITATION_LIMIT_REACHED ?? "");
  }
  if (input.teamId) {
    const [found] = await db
      .select({ id: team.id })
      .from(team)
      .where(and(eq(team.id, input.teamId), eq(team.organizationId, orgId)))
      .limit(1);
    if (!found) return refusalOf(400, "TEAM_NOT_FOUND");
  }
  return null;
}

/** Invites an address with a role (and a team); the invitee gets the console's invitation mail. */
export async function createInvitation(
  deps: ProvisioningDeps,
  call: KeyCall,
  input: { email: string; role: string; teamId?: string | undefined },
): Promise<OperationResult<{ invitation: ApiInvitation; mailSent: boolean }>> {
  const { db } = deps;
  const email = input.email.toLowerCase();
  const roles = parseRoleList(input.role);
  const orgId = call.key.organization.id;
  const creator = call.key.creator;
  const problem = await invitationProblem(deps, call, { email, roles, teamId: input.teamId });
  if (problem) return { ...problem, metadata: { email } };
  const claim = await claimInvitationLimits(db, creator.userId, orgId, email);
  if (!claim.ok) {
    const status = claim.status === "CONFLICT" ? 409 : 429;
    return { ...apiRefusal(status, claim.code, claim.message, claim.retryAfter), metadata: { email } };
  }

  const now = new Date();
  const row: InvitationRow = {
    id: crypto.randomUUID(),
    organizationId: orgId,
    email,
    role: roles.join(","),
    teamId: input.teamId ?? null,
    status: "pending",
    expiresAt: new Date(now.getTime() + INVITATION_SECONDS * 1000),
    createdAt: now,
    inviterId: creator.userId,
  };
  const audit = auditStatements(db, {
    action: "invitation.create",
    ...keyAuditFields(call, { invitationId: row.id, email, role: row.role, teamId: row.teamId }),
    at: now,
  });
  try {
    await db.batch([db.insert(invitation).values(row), ...audit.statements]);
  } catch (error) {
    for (const key of claim.counted) await releaseRateLimit(db, key);
    throw error;
  } finally {
    await releaseRateLimit(db, claim.gate);
  }
  deliverSoon(audit.eventIds);

  const baseURL = deps.settings.BETTER_AUTH_URL.replace(/\/+$/, "");
  let mailSent = true;
  try {
    await sendInvitationMail(deps.settings, {
      to: email,
      inviterName: creator.name,
      organizationName: call.key.organization.name,
      role: row.role ?? "member",
      url: `${baseURL}/accept-invitation/${row.id}`,
      expiresAt: row.expiresAt,
    });
  } catch (error) {
    console.error("invitation mail failed:", error instanceof Error ? error.message : String(error));
    mailSent = false;
  }
  return { ok: true, status: 201, audited: true, body: { invitation: toApi(row), mailSent } };
}

/** Cancels a pending invitation of the organization. */
export async function cancelInvitation(
  { db }: ProvisioningDeps,
  call: KeyCall,
  invitationId: string,
): Promise<OperationResult<{ invitation: ApiInvitation }>> {
  const mine = and(
    eq(invitation.id, invitationId),
    eq(invitation.organizationId, call.key.organization.id),
    eq(invitation.status, "pending"),
  );
  const [found] = await db.select().from(invitation).where(mine).limit(1);
  if (!found) return refusalOf(404, "INVITATION_NOT_FOUND");
  const auditId = crypto.randomUUID();
  const audit = auditStatements(db, {
    id: auditId,
    action: "invitation.cancel",
    ...keyAuditFields(call, { invitationId, email: found.email }),
  });
  const [changed] = await db.batch([
    db.update(invitation).set({ status: "canceled" }).where(mine).returning({ id: invitation.id }),
    ...audit.statements,
  ]);
  if (changed.length === 0) {
    // Answered or cancelled a moment ago: take back the row written for a cancellation that did not happen.
    await db.delete(auditEvent).where(eq(auditEvent.id, auditId));
    await dropEvents(db, audit.eventIds);
    return refusalOf(404, "INVITATION_NOT_FOUND");
  }
  deliverSoon(audit.eventIds);
  return { ok: true, audited: true, body: { invitation: toApi({ ...found, status: "canceled" }) } };
}
