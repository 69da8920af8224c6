// The members of a key's organization: listed, re-roled and removed by the provisioning API with the console's rules,
// decided for the key's creator (a key never does more than the member who made it may do now): the member rules of
// lib/auth/rules.ts, the grant rule (organization-roles.ts `mayGrantRoles`), and never without an owner
// (keep-an-owner.ts `anotherOwnerRemains`, in the same statement as the write). Each change lands in one D1 batch with
// its audit row (the key as actor) and the webhook events that row stands for.
import type { AuthContext } from "better-auth";
import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { auditEvent, member, organizationRole, team, teamMember, user, webhookEvent } from "@/db/schema";
import { auditStatements, deliverSoon } from "@/lib/audit";
import { anotherOwnerRemains } from "@/lib/auth/keep-an-owner";
import { memberCapabilities } from "@/lib/auth/org-access";
import { orgRoles, parseRoleList } from "@/lib/auth/permissions";
import { mayGrantRoles } from "@/lib/auth/plugins/organization-roles";
import { canManageMember, isOrgOwner } from "@/lib/auth/rules";
import {
  apiRefusal,
  decodeCursor,
  encodeCursor,
  INVALID_CURSOR,
  type KeyCall,
  keyAuditFields,
  type OperationRefusal,
  type OperationResult,
  type ProvisioningDeps,
  refusalOf,
} from "./call";

export interface ApiMember {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  joinedAt: string;
}

const STATUS = { BAD_REQUEST: 400, FORBIDDEN: 403, UNAUTHORIZED: 403 } as const;

function refusal(status: 400 | 403 | 404 | 409, code: string, targetUserId?: string | null): OperationRefusal {
  return { ...refusalOf(status, code), targetUserId: targetUserId ?? null };
}

/** A page of members, newest first (the (organization_id, created_at, id) index), and the cursor of the next. */
export async function listMembers(
  { db }: ProvisioningDeps,
  call: KeyCall,
  query: { cursor?: string | undefined; limit: number },
): Promise<OperationResult<{ data: ApiMember[]; nextCursor: string | null }>> {
  const position = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !position) return INVALID_CURSOR;
  const after = position
    ? (or(lt(member.createdAt, position.at), and(eq(member.createdAt, position.at), lt(member.id, position.id))) as SQL)
    : undefined;
  const rows = await db
    .select({
      id: member.id,
      userId: member.userId,
      role: member.role,
      at: member.createdAt,
      email: user.email,
      name: user.name,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, call.key.organization.id), after))
    .orderBy(desc(member.createdAt), desc(member.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    ok: true,
    audited: false,
    body: {
      data: page.map((row) => ({
        id: row.id,
        userId: row.userId,
        email: row.email,
        name: row.name,
        role: row.role,
        joinedAt: row.at.toISOString(),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    },
  };
}

/** The member of the key's organization with this id, with their email and name. */
async function findMember({ db }: ProvisioningDeps, call: KeyCall, memberId: string) {
  const [row] = await db
    .select({
      id: member.id,
      userId: member.userId,
      role: member.role,
      at: member.createdAt,
      email: user.email,
      name: user.name,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.id, memberId), eq(member.organizationId, call.key.organization.id)))
    .limit(1);
  return row ?? null;
}

/** The role names among `roles` that are neither built in nor a custom role of the organization. */
export async function unknownRoles({ db }: ProvisioningDeps, organizationId: string, roles: readonly string[]) {
  const custom = roles.filter((role) => !Object.hasOwn(orgRoles, role));
  if (custom.length === 0) return [];
  const found = await db
    .select({ role: organizationRole.role })
    .from(organizationRole)
    .where(and(eq(organizationRole.organizationId, organizationId), inArray(organizationRole.role, custom)));
  return custom.filter((role) => !found.some((row) => row.role === role));
}

/** The key's creator as the member rules see them, with what their roles grant on members. */
async function creatorAsViewer(context: AuthContext, call: KeyCall) {
  const { creator, organization } = call.key;
  const can = await memberCapabilities(context, { organizationId: organization.id, role: creator.role });
  return { id: creator.memberId, role: creator.role, may: { update: can.updateMembers, delete: can.removeMembers } };
}

const toApi = (row: {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  at: Date;
}): ApiMember => ({
  id: row.id,
  userId: row.userId,
  email: row.email,
  name: row.name,
  role: row.role,
  joinedAt: row.at.toISOString(),
});

/** Gives a member another role (one or more, comma-separated), as the console's role change does. */
export async function updateMemberRole(
  deps: ProvisioningDeps,
  call: KeyCall,
  memberId: string,
  roleInput: string,
): Promise<OperationResult<{ member: ApiMember }>> {
  const target = await findMember(deps, call, memberId);
  if (!target) return refusal(404, "MEMBER_NOT_FOUND");
  const roles = parseRoleList(roleInput);
  const role = roles.join(",");
  const context = (await deps.auth.$context) as unknown as AuthContext;
  const viewer = await creatorAsViewer(context, call);
  const verdict = canManageMember(viewer, target, "change-role");
  if (!verdict.ok) return refusal(STATUS[verdict.status], verdict.code, target.userId);
  // better-auth's own rule: only an owner makes someone an owner.
  if (roles.includes("owner") && !isOrgOwner(viewer.role)) {
    return refusal(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER", target.userId);
  }
  const unknown = await unknownRoles(deps, call.key.organization.id, roles);
  if (unknown.length > 0) {
    return {
      ...apiRefusal(400, "ROLE_NOT_FOUND", `No such role: ${unknown.join(", ")}.`),
      targetUserId: target.userId,
    };
  }
  const holder = { organizationId: call.key.organization.id, role: viewer.role };
  if (!(await mayGrantRoles(context, holder, call.key.organization.id, roles))) {
    return refusal(403, "YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD", target.userId);
  }

  const { db } = deps;
  const auditId = crypto.randomUUID();
  const audit = auditStatements(db, {
    id: auditId,
    action: "member.role.update",
    ...keyAuditFields(call, { from: target.role, to: role, memberId }),
    targetUserId: target.userId,
  });
  // A demotion of an owner lands only if another owner remains at that instant; otherwise nothing is recorded.
  const keepsOwner = roles.includes("owner") ? sql`1` : anotherOwnerRemains;
  const landed = sql`exists (select 1 from ${member} where ${member.id} = ${memberId} and ${member.role} = ${role})`;
  await db.batch([
    db
      .update(member)
      .set({ role })
      .where(and(eq(member.id, memberId), eq(member.organizationId, call.key.organization.id), keepsOwner)),
    ...audit.statements,
    db.delete(auditEvent).where(and(eq(auditEvent.id, auditId), sql`not ${landed}`)),
    db.delete(webhookEvent).where(and(inArray(webhookEvent.id, audit.eventIds), sql`not ${landed}`)),
  ]);
  const after = await findMember(deps, call, memberId);
  if (!after) return refusal(404, "MEMBER_NOT_FOUND", target.userId);
  if (after.role !== role) return refusal(400, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER", target.userId);
  deliverSoon(audit.eventIds);
  return { ok: true, audited: true, body: { member: toApi(after) } };
}

/** Removes a member (and their places in the organization's teams), as the console's remove does. */
export async function removeMember(
  deps: ProvisioningDeps,
  call: KeyCall,
  memberId: string,
): Promise<OperationResult<{ member: ApiMember }>> {
  const target = await findMember(deps, call, memberId);
  if (!target) return refusal(404, "MEMBER_NOT_FOUND");
  const context = (await deps.auth.$context) as unknown as AuthContext;
  const verdict = canManageMember(await creatorAsViewer(context, call), target, "remove");
  if (!verdict.ok) return refusal(STATUS[verdict.status], verdict.code, target.userId);

  const { db } = deps;
  const orgId = call.key.organization.id;
  const auditId = crypto.randomUUID();
  const audit = auditStatements(db, {
    id: auditId,
    action: "member.remove",
    ...keyAuditFields(call, { role: target.role, memberId }),
    targetUserId: target.userId,
  });
  const gone = sql`not exists (select 1 from ${member} where ${member.id} = ${memberId})`;
  await db.batch([
    db.delete(member).where(and(eq(member.id, memberId), eq(member.organizationId, orgId), anotherOwnerRemains)),
    // Their team places in this organization go with the membership (better-auth's remove-member does the same).
    db
      .delete(teamMember)
      .where(
        and(
          eq(teamMember.userId, target.userId),
          inArray(teamMember.teamId, db.select({ id: team.id }).from(team).where(eq(team.organizationId, orgId))),
          gone,
        ),
      ),
    ...audit.statements,
    db.delete(auditEvent).where(and(eq(auditEvent.id, auditId), sql`not ${gone}`)),
    db.delete(webhookEvent).where(and(inArray(webhookEvent.id, audit.eventIds), sql`not ${gone}`)),
  ]);
  if (await findMember(deps, call, memberId)) {
    return refusal(400, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", target.userId);
  }
  deliverSoon(audit.eventIds);
  return { ok: true, audited: true, body: { member: toApi(target) } };
}
