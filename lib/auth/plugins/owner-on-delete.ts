// Deleting a user must never leave an organization without an owner, nor lose the invitations they sent.
//
// Refusal happens in the endpoints' before hook: better-auth's deleteUser removes the user's sessions and password
// accounts before its user-delete hooks run, and D1 cannot roll that back. So `/admin/remove-user`, `/delete-user`
// and `/delete-user/callback` are refused (409 USER_IS_ONLY_OWNER, with the organizations and what to do) while the
// user is the only owner of any organization. Once a deletion goes ahead, the invitations the user sent (whose
// `inviterId` cascades) are handed to a remaining owner of each organization, or cancelled where none remains, with
// their audit rows, in one batch, just before the user row goes.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { holdsOwner } from "@/db/queries/role-lists";
import { invitation, member, organization } from "@/db/schema";
import { auditActor, auditInsert, recordAudit, requestOrigin } from "@/lib/audit";
import { endpointRule } from "@/lib/auth/registry";

export const USER_IS_ONLY_OWNER = "USER_IS_ONLY_OWNER";

export interface OwnedOrganization {
  id: string;
  name: string;
  slug: string;
}

/** The organizations in which this user is the only owner. */
export async function organizationsOnlyOwnedBy(db: Database, userId: string): Promise<OwnedOrganization[]> {
  const other = sql`"other_owner"`;
  return db
    .select({ id: organization.id, name: organization.name, slug: organization.slug })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(
      and(
        eq(member.userId, userId),
        holdsOwner(sql`${member.role}`),
        sql`not exists (select 1 from ${member} as ${other} where ${other}."organization_id" = ${member.organizationId} and ${other}."user_id" <> ${userId} and ${holdsOwner(sql`${other}."role"`)})`,
      ),
    )
    .orderBy(asc(organization.name));
}

/** The sentence a refused deletion gets: which organizations, and the ways out. */
export function onlyOwnerMessage(organizations: OwnedOrganization[]) {
  const names = organizations.map((o) => `${o.name} (/${o.slug})`).join(", ");
  const them = organizations.length === 1 ? "it" : "them";
  return `This user is the only owner of ${names}. Make another member an owner of ${them} first (operators can do it on the organization's page, or the user can transfer ownership), or delete ${them}; then delete the user.`;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The user a deletion request would delete, found the way each endpoint finds it. */
async function userToDelete(ctx: HookContext): Promise<string | null> {
  if (ctx.path === "/admin/remove-user") {
    const userId = (ctx.body as { userId?: unknown } | undefined)?.userId;
    return typeof userId === "string" ? userId : null;
  }
  if (ctx.path === "/delete-user/callback") {
    const token = (ctx.query as { token?: unknown } | undefined)?.token;
    if (typeof token !== "string") return null;
    const found = await ctx.context.internalAdapter.findVerificationValue(`delete-account-${token}`);
    return found?.value ?? null;
  }
  return (await getSessionFromCtx(ctx).catch(() => null))?.user.id ?? null;
}

const DELETE_PATHS = new Set(["/admin/remove-user", "/delete-user", "/delete-user/callback"]);

/**
 * The statements that keep a deleted user's invitations: each organization's invitations go to its longest-standing
 * remaining owner as inviter; where no owner remains, the pending ones are cancelled. With one audit row each.
 */
async function keepInvitations(db: Database, userId: string, actor: ReturnType<typeof auditActor>) {
  const d = db;
  const sent = await d
    .select({ id: invitation.id, organizationId: invitation.organizationId, status: invitation.status })
    .from(invitation)
    .where(eq(invitation.inviterId, userId));
  if (sent.length === 0) return [];
  const organizationIds = [...new Set(sent.map((row) => row.organizationId))];
  const heir = new Map<string, string>();
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < organizationIds.length; i += 90) {
    const owners = await d
      .select({ organizationId: member.organizationId, userId: member.userId })
      .from(member)
      .where(
        and(
          inArray(member.organizationId, organizationIds.slice(i, i + 90)),
          ne(member.userId, userId),
          holdsOwner(sql`${member.role}`),
        ),
      )
      .orderBy(asc(member.createdAt));
    for (const owner of owners) if (!heir.has(owner.organizationId)) heir.set(owner.organizationId, owner.userId);
  }

  const statements = [];
  for (const organizationId of organizationIds) {
    const ids = sent.filter((row) => row.organizationId === organizationId);
    const to = heir.get(organizationId);
    if (to) {
      statements.push(
        d
          .update(invitation)
          .set({ inviterId: to })
          .where(and(eq(invitation.inviterId, userId), eq(invitation.organizationId, organizationId))),
        auditInsert(db, {
          action: "invitation.reassign",
          ...actor,
          targetUserId: to,
          organizationId,
          metadata: { from: userId, to, count: ids.length, reason: "inviter deleted" },
        }),
      );
      continue;
    }
    for (const pending of ids.filter((row) => row.status === "pending")) {
      statements.push(
        d.update(invitation).set({ status: "canceled" }).where(eq(invitation.id, pending.id)),
        auditInsert(db, {
          action: "invitation.cancel",
          ...actor,
          organizationId,
          metadata: { invitationId: pending.id, reason: "inviter deleted" },
        }),
      );
    }
  }
  return statements;
}

export interface OwnerOnDeleteOptions {
  db: Database;
}

/** better-auth plugin: see the top of this file. */
export function ownerOnDelete({ db }: OwnerOnDeleteOptions) {
  return {
    id: "owner-on-delete",
    $ERROR_CODES: {
      [USER_IS_ONLY_OWNER]: { code: USER_IS_ONLY_OWNER, message: "This user is the only owner of an organization." },
    },
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              delete: {
                async before(user, ctx) {
                  const statements = await keepInvitations(db, user.id, auditActor(ctx?.context.session));
                  if (statements.length === 0) return;
                  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => DELETE_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const userId = await userToDelete(ctx);
            if (!userId) return; // the endpoint refuses it in its own words
            const owned = await organizationsOnlyOwnedBy(db, userId);
            if (owned.length === 0) return;
            const session = await getSessionFromCtx(ctx).catch(() => null);
            await recordAudit(db, {
              action: `${endpointRule(ctx.path)?.action ?? "user.delete"}.denied`,
              ...auditActor(session),
              targetUserId: userId,
              metadata: { code: USER_IS_ONLY_OWNER, organizationIds: owned.map((o) => o.id) },
              ...requestOrigin(ctx.headers),
            });
            throw new APIError("CONFLICT", {
              code: USER_IS_ONLY_OWNER,
              message: onlyOwnerMessage(owned),
              organizations: owned,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
