// Who may hand out which role in an organization, and the renaming of roles members hold (organization policy).
import type { AuthContext } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { memberHasPermission, rolePermissions } from "@/lib/auth/org-access";
import { orgRoles, parseRoleList } from "@/lib/auth/permissions";
import { isOrgOwner, memberPolicyVerdict } from "@/lib/auth/rules";
import {
  type BeforeHooks,
  findMember,
  forbidden,
  type HookContext,
  obj,
  roleList,
  stash,
  str,
  targetOrganizationId,
} from "./organization-shared";

/** Drops what the plain member role grants: every member holds it, so handing it out gives nothing away. */
export function withoutBaseline(permissions: Record<string, string[]>): Record<string, string[]> {
  const baseline = orgRoles.member.statements as Record<string, readonly string[] | undefined>;
  return Object.fromEntries(
    Object.entries(permissions).map(([resource, actions]) => [
      resource,
      actions.filter((action) => !baseline[resource]?.includes(action)),
    ]),
  );
}

/**
 * Nobody hands out permissions they do not hold: assigning (or inviting with) a role requires the actor to hold every
 * permission of that role. Owners hold everything. Nobody but an owner changes their own role.
 */
export async function assertMayGrant(ctx: HookContext, roles: string[], targetMemberId?: string) {
  const session = await getSessionFromCtx(ctx);
  const organizationId = targetOrganizationId(ctx, session);
  if (!session || !organizationId || roles.length === 0) return; // better-auth answers these itself
  const actor = await findMember(ctx.context, organizationId, session.user.id);
  if (!actor) return; // better-auth refuses non-members with its own error
  const actorIsOwner = isOrgOwner(actor.role);
  if (targetMemberId) {
    const target = await ctx.context.adapter.findOne<{ id: string; role: string; organizationId: string }>({
      model: "member",
      where: [{ field: "id", value: targetMemberId }],
    });
    if (target && target.organizationId === organizationId) {
      await stash.set({ ...(await stash.get()), previousRole: target.role, organizationId });
    }
    if (target && !memberPolicyVerdict(actor, target, "change-role").ok) {
      forbidden("YOU_CANNOT_CHANGE_YOUR_OWN_ROLE", "You cannot change your own role. Ask an owner.");
    }
  }
  if (actorIsOwner) return;
  if (!(await mayGrantRoles(ctx.context, actor, organizationId, roles))) {
    forbidden("YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD", CANNOT_GRANT_MESSAGE);
  }
}

export const CANNOT_GRANT_MESSAGE = "You can only give a role whose permissions you hold yourself.";

/**
 * The grant rule as a verdict: whether `actor` (a member of the organization) may hand out `roles`, i.e. holds every
 * permission they grant beyond the plain member's. Owners may hand out anything. The console's endpoints
 * (assertMayGrant) and the provisioning API (a key acts with its creator's rights) decide with it.
 */
export async function mayGrantRoles(
  context: AuthContext,
  actor: { role: string; organizationId: string },
  organizationId: string,
  roles: readonly string[],
): Promise<boolean> {
  if (isOrgOwner(actor.role)) return true;
  const wanted = withoutBaseline(await rolePermissions(context, organizationId, roles));
  return memberHasPermission(context, actor, wanted);
}

/** update-member-role and the role endpoints: the grant rule, and no rename of a role members hold. */
export const roleHooks: BeforeHooks = [
  {
    matcher: (ctx) => ctx.path === "/organization/update-member-role",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      await assertMayGrant(ctx, roleList(body.role), str(body.memberId));
    }),
  },
  {
    // Renaming a role that members hold would leave them with a role that no longer exists.
    matcher: (ctx) => ctx.path === "/organization/update-role" || ctx.path === "/organization/delete-role",
    handler: createAuthMiddleware(async (ctx) => {
      const session = await getSessionFromCtx(ctx);
      const body = obj(ctx.body);
      const organizationId = targetOrganizationId(ctx, session);
      if (!session || !organizationId) return;
      const roleId = str(body.roleId);
      const roleName = str(body.roleName);
      const role = await ctx.context.adapter.findOne<{ id: string; role: string }>({
        model: "organizationRole",
        where: [
          { field: "organizationId", value: organizationId },
          roleId ? { field: "id", value: roleId } : { field: "role", value: roleName ?? "" },
        ],
      });
      if (!role) return;
      await stash.set({ ...(await stash.get()), roleName: role.role, organizationId });
      const renaming = ctx.path === "/organization/update-role" && str(obj(body.data).roleName);
      if (!renaming || renaming.toLowerCase() === role.role) return;
      const holders = await ctx.context.adapter.findMany<{ role: string }>({
        model: "member",
        where: [
          { field: "organizationId", value: organizationId },
          { field: "role", value: role.role, operator: "contains" },
        ],
      });
      if (holders.some((m) => parseRoleList(m.role).includes(role.role))) {
        throw new APIError("BAD_REQUEST", {
          code: "ROLE_IS_ASSIGNED_TO_MEMBERS",
          message: "This role is assigned to members: give them another role before renaming it.",
        });
      }
    }),
  },
];
