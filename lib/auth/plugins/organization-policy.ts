// Our rules on top of better-auth's organization plugin, whichever way its endpoints are called (console, client SDK,
// auth.api): who may hand out which role (a resend grants the stored role, so that one is checked), how often one
// person invites and one address is invited, configured limits with plain messages, the audit trail of every
// organization change, and the last active organization restored at sign-in. The ids read here passed the shape gate
// (plugins/request-shape.ts): they are exactly what better-auth acts on.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/db/database";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import type { OrgLimits } from "@/lib/auth/org-limits";
import { endpointRule } from "@/lib/auth/registry";
import { isOrgOwner } from "@/lib/auth/rules";
import { lastActiveKey, sessionStart } from "@/lib/auth/session-start";
import { organizationFieldsSchema, teamNameSchema } from "@/lib/validations/organization";
import { AUDITED } from "./organization-audit";
import { countedInvitation, invitationHooks, releaseInvitationGate } from "./organization-invitations";
import { roleHooks } from "./organization-roles";
import { type BeforeHooks, findMember, forbidden, obj, stash, str } from "./organization-shared";
import { releaseRateLimit } from "./server-call-rate-limit";

export { AUDITED } from "./organization-audit";
export { INVITE_ADDRESS_LIMIT, INVITER_LIMIT } from "./organization-invitations";

const LAST_ACTIVE_TTL_MS = 1000 * 60 * 60 * 24 * 365;

const beforeHooks = (db: Database): BeforeHooks => [
  {
    // The same rules as the console's forms, for any client of the HTTP API.
    matcher: (ctx) => ctx.path === "/organization/create" || ctx.path === "/organization/update",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      const fields = ctx.path === "/organization/create" ? body : obj(body.data);
      const parsed = organizationFieldsSchema.safeParse({
        name: fields.name,
        slug: fields.slug,
        logo: fields.logo ?? undefined,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new APIError("BAD_REQUEST", {
          code: "INVALID_ORGANIZATION_FIELDS",
          message: issue ? `${issue.path.join(".")}: ${issue.message}` : "Invalid organization fields.",
        });
      }
    }),
  },
  {
    matcher: (ctx) => ctx.path === "/organization/create-team" || ctx.path === "/organization/update-team",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      const name = ctx.path === "/organization/create-team" ? body.name : obj(body.data).name;
      if (ctx.path === "/organization/update-team" && name === undefined) return;
      const parsed = teamNameSchema.safeParse({ name });
      if (!parsed.success) {
        throw new APIError("BAD_REQUEST", {
          code: "INVALID_TEAM_NAME",
          message: `Team name: ${parsed.error.issues[0]?.message ?? "invalid"}`,
        });
      }
    }),
  },
  ...roleHooks,
  ...invitationHooks(db),
  {
    // Deleting an organization is for owners only, whatever a custom role says.
    matcher: (ctx) => ctx.path === "/organization/delete",
    handler: createAuthMiddleware(async (ctx) => {
      const session = await getSessionFromCtx(ctx);
      const organizationId = str(obj(ctx.body).organizationId);
      if (!session || !organizationId) return;
      const actor = await findMember(ctx.context, organizationId, session.user.id);
      if (!actor) return;
      if (!isOrgOwner(actor.role)) {
        forbidden("ONLY_AN_OWNER_CAN_DELETE_THE_ORGANIZATION", "Only an owner can delete the organization.");
      }
      const org = await ctx.context.adapter.findOne<{ name: string; slug: string }>({
        model: "organization",
        where: [{ field: "id", value: organizationId }],
      });
      await stash.set({ ...(await stash.get()), organization: org });
    }),
  },
  {
    matcher: (ctx) => ctx.path === "/organization/remove-team",
    handler: createAuthMiddleware(async (ctx) => {
      const teamId = str(obj(ctx.body).teamId);
      if (!teamId) return;
      const team = await ctx.context.adapter.findOne<{ name: string; organizationId: string }>({
        model: "team",
        where: [{ field: "id", value: teamId }],
      });
      if (team) await stash.set({ ...(await stash.get()), team });
    }),
  },
];

/** Plain words, with the configured number, when an organization limit stops a change (console and API alike). */
export function limitMessages(limits: OrgLimits): Record<string, string> {
  return {
    ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: `This organization has reached its limit of ${limits.members} members.`,
    INVITATION_LIMIT_REACHED: `This organization has reached its limit of ${limits.pendingInvitations} pending invitations. Cancel one or wait for answers first.`,
    YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS: `This organization has reached its limit of ${limits.teams} teams.`,
    YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS: `You are in ${limits.perUser} organizations, the most one person can have. Leave one before creating another.`,
  };
}

export interface OrganizationPolicyOptions {
  db: Database;
  limits: OrgLimits;
}

/** The policy plugin; put it in create-auth's `plugins` (before `nextCookies()`). */
export function organizationPolicy({ db, limits }: OrganizationPolicyOptions) {
  const messages = limitMessages(limits);
  return {
    id: "organization-policy",
    init(context) {
      const key = lastActiveKey;
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                // A new session (sign-in) starts in the organization the user last worked in, if still a member.
                // One D1 call with the domain join's read (lib/auth/session-start.ts).
                before: async (session) => {
                  if (session.activeOrganizationId) return;
                  const { lastActiveOrganizationId } = await sessionStart(db, session.userId);
                  if (!lastActiveOrganizationId) return;
                  return { data: { ...session, activeOrganizationId: lastActiveOrganizationId } };
                },
              },
              update: {
                after: async (session) => {
                  const row = session as {
                    userId?: string;
                    activeOrganizationId?: string | null;
                    impersonatedBy?: string | null;
                  };
                  // An impersonator moves around without changing where the real user's next sign-in starts.
                  if (!row.userId || !row.activeOrganizationId || row.impersonatedBy) return;
                  const saved = await context.internalAdapter.findVerificationValue(key(row.userId));
                  if (saved?.value === row.activeOrganizationId) return;
                  await context.internalAdapter.deleteVerificationByIdentifier(key(row.userId));
                  await context.internalAdapter.createVerificationValue({
                    identifier: key(row.userId),
                    value: row.activeOrganizationId,
                    expiresAt: new Date(Date.now() + LAST_ACTIVE_TTL_MS),
                  });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: beforeHooks(db),
      after: [
        {
          matcher: (ctx) => typeof ctx.path === "string" && ctx.path.startsWith("/organization/"),
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (ctx.path === "/organization/invite-member") await releaseInvitationGate(db);
            if (returned instanceof APIError && ctx.path === "/organization/invite-member") {
              for (const key of await countedInvitation.get()) await releaseRateLimit(db, key);
            }
            if (returned instanceof APIError) {
              const code = str(obj(returned.body).code);
              const message = code ? messages[code] : undefined;
              if (code && message) throw new APIError(returned.status, { code, message });
              return;
            }
            const rule = endpointRule(ctx.path);
            const build = rule?.audited && ctx.path ? AUDITED[ctx.path] : undefined;
            if (!rule || !build) return;
            const session = ctx.context.session ?? (await getSessionFromCtx(ctx).catch(() => null));
            const entry = build({
              ctx,
              returned: obj(returned),
              body: obj(ctx.body),
              saved: await stash.get(),
              activeOrganizationId: str(session?.session.activeOrganizationId),
            });
            if (!entry) return;
            // With the events it stands for (member.removed, …) in one batch (lib/audit.ts).
            await recordAudit(db, {
              ...entry,
              action: entry.action ?? rule.action,
              ...auditActor(session),
              ...requestOrigin(ctx.request?.headers ?? ctx.headers),
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
