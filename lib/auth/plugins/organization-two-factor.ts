// An organization's two-factor requirement on better-auth's own endpoints, whichever way they are called: past a
// member's grace period, every /organization/* endpoint about that organization answers 403
// ORGANIZATION_REQUIRES_TWO_FACTOR to a session that did not sign in with an allowed second factor (leaving, answering
// invitations, listing one's organizations and creating one stay open); and turning two-factor off is refused while
// the account belongs to an organization that requires it. The decision is lib/organization/two-factor-policy.ts's,
// the same the guard makes for pages and our actions. The ids read here passed the shape gate (request-shape.ts).
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { invitation, member, organization, organizationPolicy, team, twoFactor } from "@/db/schema";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { endpointRule } from "@/lib/auth/registry";
import { needsTotpState, parseSignInMethods } from "@/lib/auth/sign-in-methods";
import {
  ORGANIZATION_REQUIRES_TWO_FACTOR,
  policyOf,
  requiresTwoFactorMessage,
  standingOf,
  TWO_FACTOR_REQUIRED_BY_ORGANIZATION,
} from "@/lib/organization/two-factor-policy";
import { type HookContext, obj, str } from "./organization-shared";

/** What a member out of compliance may still do: leave, answer invitations, and what is about no organization. */
export const OPEN_ORGANIZATION_PATHS = new Set([
  "/organization/create",
  "/organization/list",
  "/organization/check-slug",
  "/organization/leave",
  "/organization/get-invitation",
  "/organization/list-user-invitations",
  "/organization/accept-invitation",
  "/organization/reject-invitation",
  // Only moves the caller's own session; every page and endpoint of the organization still decides.
  "/organization/set-active",
]);

type Session = NonNullable<Awaited<ReturnType<typeof getSessionFromCtx>>>;

/** The organization a request is about, resolved the way its endpoint resolves it. */
async function organizationOf(db: Database, ctx: HookContext, session: Session): Promise<string | undefined> {
  const body = obj(ctx.body);
  const query = obj(ctx.query);
  const explicit = str(body.organizationId) ?? str(obj(body.data).organizationId) ?? str(query.organizationId);
  if (explicit) return explicit;
  const slug = str(query.organizationSlug) ?? str(body.organizationSlug);
  if (slug) {
    const [row] = await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, slug));
    return row?.id;
  }
  const invitationId = str(body.invitationId) ?? str(query.invitationId);
  if (invitationId) {
    const [row] = await db
      .select({ id: invitation.organizationId })
      .from(invitation)
      .where(eq(invitation.id, invitationId));
    if (row) return row.id;
  }
  const teamId = str(body.teamId) ?? str(query.teamId);
  if (teamId) {
    const [row] = await db.select({ id: team.organizationId }).from(team).where(eq(team.id, teamId));
    if (row) return row.id;
  }
  return str((session.session as { activeOrganizationId?: unknown }).activeOrganizationId);
}

/** The refusal (or null) for this session in this organization, with the organization's name and the deadline. */
export async function twoFactorRefusal(db: Database, session: Session, organizationId: string) {
  const [row] = await db
    .select({ policy: organizationPolicy, joinedAt: member.createdAt, name: organization.name })
    .from(organizationPolicy)
    .innerJoin(
      member,
      and(eq(member.organizationId, organizationPolicy.organizationId), eq(member.userId, session.user.id)),
    )
    .innerJoin(organization, eq(organization.id, organizationPolicy.organizationId))
    .where(eq(organizationPolicy.organizationId, organizationId));
  if (!row?.policy.requireTwoFactor) return null;
  const policy = policyOf(row.policy);
  const methods = parseSignInMethods((session.session as { signInMethods?: string | null }).signInMethods);
  const twoFactorEnabled = Boolean((session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled);
  let totp: boolean | undefined;
  if (needsTotpState(methods, policy.methods)) {
    const [factor] = await db
      .select({ verified: twoFactor.verified })
      .from(twoFactor)
      .where(eq(twoFactor.userId, session.user.id));
    totp = !!factor && factor.verified !== false;
  }
  const standing = standingOf({ policy, joinedAt: row.joinedAt, methods, account: { twoFactorEnabled, totp } });
  if (standing.state !== "blocked") return null;
  return { organizationName: row.name, deadline: standing.deadline };
}

/** The organizations of this user that require two-factor, by name. */
async function organizationsRequiringTwoFactor(db: Database, userId: string) {
  const rows = await db
    .select({ id: organization.id, name: organization.name })
    .from(member)
    .innerJoin(organizationPolicy, eq(organizationPolicy.organizationId, member.organizationId))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(and(eq(member.userId, userId), eq(organizationPolicy.requireTwoFactor, true)));
  return rows;
}

function listOfNames(names: string[]) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export interface OrganizationTwoFactorOptions {
  db: Database;
}

export function organizationTwoFactor({ db }: OrganizationTwoFactorOptions) {
  return {
    id: "organization-two-factor",
    hooks: {
      before: [
        {
          matcher: (ctx) => !!ctx.path?.startsWith("/organization/") && !OPEN_ORGANIZATION_PATHS.has(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return; // the endpoint refuses it in its own words
            const organizationId = await organizationOf(db, ctx, session);
            if (!organizationId) return;
            const refusal = await twoFactorRefusal(db, session, organizationId);
            if (!refusal) return;
            await recordAudit(db, {
              action: `${endpointRule(ctx.path)?.action ?? "endpoint"}.denied`,
              ...auditActor(session),
              organizationId,
              metadata: { code: ORGANIZATION_REQUIRES_TWO_FACTOR, path: ctx.path },
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            });
            throw new APIError("FORBIDDEN", {
              code: ORGANIZATION_REQUIRES_TWO_FACTOR,
              message: requiresTwoFactorMessage(refusal.organizationName, refusal.deadline),
              organizationId,
              deadline: refusal.deadline.toISOString(),
            });
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/two-factor/disable",
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return;
            const organizations = await organizationsRequiringTwoFactor(db, session.user.id);
            if (organizations.length === 0) return;
            const names = organizations.map((o) => o.name);
            await recordAudit(db, {
              action: "user.two_factor.disable.denied",
              ...auditActor(session),
              targetUserId: session.user.id,
              metadata: { code: TWO_FACTOR_REQUIRED_BY_ORGANIZATION, organizations: organizations.map((o) => o.id) },
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            });
            throw new APIError("FORBIDDEN", {
              code: TWO_FACTOR_REQUIRED_BY_ORGANIZATION,
              message: `${listOfNames(names)} ${names.length === 1 ? "requires" : "require"} two-factor authentication: it stays on while you are a member.`,
              organizations: names,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
