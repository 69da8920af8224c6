// Our rules on top of better-auth's organization plugin, whichever way its endpoints are called (console, client SDK,
// auth.api): who may hand out which role (a resend grants the stored role, so that one is checked), how often one
// person invites and one address is invited, configured limits with plain messages, the audit trail of every
// organization change, and the last active organization restored at sign-in. The ids read here passed the shape gate
// (plugins/request-shape.ts): they are exactly what better-auth acts on.
import { defineRequestState } from "@better-auth/core/context";
import type { AuthContext, BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { Database } from "@/db/database";
import { type AuditEntry, auditActor, auditInsert, requestOrigin } from "@/lib/audit";
import { memberHasPermission, rolePermissions } from "@/lib/auth/org-access";
import type { OrgLimits } from "@/lib/auth/org-limits";
import { orgAccessControl, orgRoles, parseRoleList } from "@/lib/auth/permissions";
import { endpointRule } from "@/lib/auth/registry";
import { organizationFieldsSchema, teamNameSchema } from "@/lib/validations/organization";
import { consumeRateLimit, releaseRateLimit } from "./server-call-rate-limit";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type Row = Record<string, unknown>;

const OWNER = orgAccessControl.creatorRole;
const LAST_ACTIVE_PREFIX = "last-active-organization:";
const LAST_ACTIVE_TTL_MS = 1000 * 60 * 60 * 24 * 365;

/** What a before hook learned that is gone once the change is made (previous role, deleted team's name…). */
const stash = defineRequestState<Row>(() => ({}));

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function obj(value: unknown): Row {
  return value && typeof value === "object" ? (value as Row) : {};
}

function roleList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string").flatMap(parseRoleList);
  return typeof value === "string" ? parseRoleList(value) : [];
}

function forbidden(code: string, message: string): never {
  throw new APIError("FORBIDDEN", { code, message });
}

async function findMember(context: AuthContext, organizationId: string, userId: string) {
  return context.adapter.findOne<{ id: string; userId: string; organizationId: string; role: string }>({
    model: "member",
    where: [
      { field: "organizationId", value: organizationId },
      { field: "userId", value: userId },
    ],
  });
}

/** The organization a request is about: its body, else the caller's active organization. */
function targetOrganizationId(ctx: HookContext, session: { session: Record<string, unknown> } | null) {
  return str(obj(ctx.body).organizationId) ?? str(session?.session.activeOrganizationId);
}

/** Drops what the plain member role grants: every member holds it, so handing it out gives nothing away. */
function withoutBaseline(permissions: Record<string, string[]>): Record<string, string[]> {
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
async function assertMayGrant(ctx: HookContext, roles: string[], targetMemberId?: string) {
  const session = await getSessionFromCtx(ctx);
  const organizationId = targetOrganizationId(ctx, session);
  if (!session || !organizationId || roles.length === 0) return; // better-auth answers these itself
  const actor = await findMember(ctx.context, organizationId, session.user.id);
  if (!actor) return; // better-auth refuses non-members with its own error
  const actorIsOwner = parseRoleList(actor.role).includes(OWNER);
  if (targetMemberId) {
    const target = await ctx.context.adapter.findOne<{ id: string; role: string; organizationId: string }>({
      model: "member",
      where: [{ field: "id", value: targetMemberId }],
    });
    if (target && target.organizationId === organizationId) {
      await stash.set({ ...(await stash.get()), previousRole: target.role, organizationId });
    }
    if (target?.id === actor.id && !actorIsOwner) {
      forbidden("YOU_CANNOT_CHANGE_YOUR_OWN_ROLE", "You cannot change your own role. Ask an owner.");
    }
  }
  if (actorIsOwner) return;
  const wanted = withoutBaseline(await rolePermissions(ctx.context, organizationId, roles));
  if (!(await memberHasPermission(ctx.context, actor, wanted))) {
    forbidden(
      "YOU_CANNOT_GRANT_PERMISSIONS_YOU_DO_NOT_HOLD",
      "You can only give a role whose permissions you hold yourself.",
    );
  }
}

/**
 * Per organization and address, a minute: the invitation and one resend. Keyed by address, since a resend after
 * expiry makes a new invitation id.
 */
export const INVITE_ADDRESS_LIMIT = { window: 60, max: 2 };
/** Invitations (resends included) one person may send per hour, across organizations. */
export const INVITER_LIMIT = { window: 60 * 60, max: 50 };

function retryIn(seconds: number) {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** The limit counts this request took, given back when better-auth then refuses the invitation (it sent nothing). */
const countedInvitation = defineRequestState<string[]>(() => []);

/** Holds invite-member to the two limits above (429 with a wait), after the grant check so a refusal costs nothing. */
async function limitInvitations(db: Database, userId: string, organizationId: string, email: string) {
  const addressKey = `invite:${organizationId}:${email}`;
  const address = await consumeRateLimit(db, addressKey, INVITE_ADDRESS_LIMIT);
  if (!address.allowed) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "INVITATION_RATE_LIMITED",
        message: `An invitation to ${email} was sent less than a minute ago. Try again in ${retryIn(address.retryAfter)}.`,
      },
      { "X-Retry-After": String(address.retryAfter) },
    );
  }
  const inviterKey = `inviter:${userId}`;
  const inviter = await consumeRateLimit(db, inviterKey, INVITER_LIMIT);
  if (!inviter.allowed) {
    await releaseRateLimit(db, addressKey);
    throw new APIError(
      "TOO_MANY_REQUESTS",
      {
        code: "INVITER_RATE_LIMITED",
        message: `You have sent ${INVITER_LIMIT.max} invitations in the last hour. Try again in ${retryIn(inviter.retryAfter)}.`,
      },
      { "X-Retry-After": String(inviter.retryAfter) },
    );
  }
  await countedInvitation.set([addressKey, inviterKey]);
}

type BeforeHooks = NonNullable<NonNullable<BetterAuthPlugin["hooks"]>["before"]>;

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
  {
    matcher: (ctx) => ctx.path === "/organization/update-member-role",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      await assertMayGrant(ctx, roleList(body.role), str(body.memberId));
    }),
  },
  {
    matcher: (ctx) => ctx.path === "/organization/invite-member",
    handler: createAuthMiddleware(async (ctx) => {
      const body = obj(ctx.body);
      const session = await getSessionFromCtx(ctx);
      const organizationId = targetOrganizationId(ctx, session);
      const email = str(body.email)?.toLowerCase();
      // A resend re-sends the pending invitation with its stored role, whatever the body says: check that role.
      const pending =
        body.resend === true && organizationId && email
          ? await ctx.context.adapter.findOne<{ role: string; expiresAt: Date }>({
              model: "invitation",
              where: [
                { field: "organizationId", value: organizationId },
                { field: "email", value: email },
                { field: "status", value: "pending" },
                { field: "expiresAt", value: new Date(), operator: "gt" },
              ],
            })
          : null;
      await assertMayGrant(ctx, roleList(pending ? pending.role : body.role));
      if (!session || !organizationId || !email) return;
      await limitInvitations(db, session.user.id, organizationId, email);
    }),
  },
  {
    // Deleting an organization is for owners only, whatever a custom role says.
    matcher: (ctx) => ctx.path === "/organization/delete",
    handler: createAuthMiddleware(async (ctx) => {
      const session = await getSessionFromCtx(ctx);
      const organizationId = str(obj(ctx.body).organizationId);
      if (!session || !organizationId) return;
      const actor = await findMember(ctx.context, organizationId, session.user.id);
      if (!actor) return;
      if (!parseRoleList(actor.role).includes(OWNER)) {
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

interface AuditSource {
  ctx: HookContext;
  returned: Row;
  body: Row;
  saved: Row;
  activeOrganizationId: string | undefined;
}

/** The row's fields; `action` defaults to the endpoint's audit action in the registry. */
type AuditBuilder = (
  source: AuditSource,
) => (Omit<AuditEntry, "action" | "actorUserId" | "ip" | "userAgent"> & { action?: string }) | null;

const orgOf = (s: AuditSource, ...candidates: unknown[]) =>
  candidates.map(str).find(Boolean) ?? str(s.body.organizationId) ?? s.activeOrganizationId ?? null;

/** The audit row each audited organization endpoint of the registry leaves (a unit test checks none is missing). */
export const AUDITED: Record<string, AuditBuilder> = {
  "/organization/create": (s) => ({
    organizationId: str(s.returned.id) ?? null,
    metadata: { name: s.returned.name, slug: s.returned.slug },
  }),
  "/organization/update": (s) => ({
    organizationId: orgOf(s, s.returned.id),
    metadata: { changes: Object.keys(obj(s.body.data)) },
  }),
  // The organization is gone (its audit rows lose their link): the row keeps its name for the operators' log.
  "/organization/delete": (s) => ({
    organizationId: null,
    metadata: { organizationId: s.body.organizationId, ...obj(s.saved.organization) },
  }),
  "/organization/invite-member": (s) => ({
    action: s.body.resend ? "invitation.resend" : "invitation.create",
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: {
      invitationId: s.returned.id,
      email: s.returned.email,
      role: s.returned.role,
      teamId: s.returned.teamId,
    },
  }),
  "/organization/cancel-invitation": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { invitationId: s.returned.id, email: s.returned.email },
  }),
  "/organization/accept-invitation": (s) => ({
    organizationId: orgOf(s, obj(s.returned.invitation).organizationId),
    targetUserId: str(obj(s.returned.member).userId) ?? null,
    metadata: { invitationId: obj(s.returned.invitation).id, role: obj(s.returned.member).role },
  }),
  "/organization/reject-invitation": (s) => ({
    organizationId: orgOf(s, obj(s.returned.invitation).organizationId),
    metadata: { invitationId: obj(s.returned.invitation).id ?? s.body.invitationId },
  }),
  "/organization/remove-member": (s) => ({
    organizationId: orgOf(s, obj(s.returned.member).organizationId),
    targetUserId: str(obj(s.returned.member).userId) ?? null,
    metadata: { role: obj(s.returned.member).role },
  }),
  "/organization/leave": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { role: s.returned.role, left: true },
  }),
  "/organization/update-member-role": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId, s.saved.organizationId),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { from: s.saved.previousRole ?? null, to: s.returned.role },
  }),
  "/organization/create-team": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { teamId: s.returned.id, name: s.returned.name },
  }),
  "/organization/update-team": (s) => ({
    organizationId: orgOf(s, s.returned.organizationId),
    metadata: { teamId: s.returned.id, name: s.returned.name },
  }),
  "/organization/remove-team": (s) => ({
    organizationId: orgOf(s, obj(s.saved.team).organizationId),
    metadata: { teamId: s.body.teamId, name: obj(s.saved.team).name },
  }),
  "/organization/add-team-member": (s) => ({
    organizationId: orgOf(s),
    targetUserId: str(s.returned.userId) ?? null,
    metadata: { teamId: s.returned.teamId },
  }),
  "/organization/remove-team-member": (s) => ({
    organizationId: orgOf(s),
    targetUserId: str(s.body.userId) ?? null,
    metadata: { teamId: s.body.teamId },
  }),
  "/organization/create-role": (s) => ({
    organizationId: orgOf(s, obj(s.returned.roleData).organizationId),
    metadata: { role: obj(s.returned.roleData).role, permission: obj(s.returned.roleData).permission },
  }),
  "/organization/update-role": (s) => ({
    organizationId: orgOf(s, obj(s.returned.roleData).organizationId, s.saved.organizationId),
    metadata: {
      role: obj(s.returned.roleData).role,
      from: s.saved.roleName,
      permission: obj(s.returned.roleData).permission,
    },
  }),
  "/organization/delete-role": (s) => ({
    organizationId: orgOf(s, s.saved.organizationId),
    metadata: { role: s.saved.roleName ?? s.body.roleName ?? null },
  }),
};

/** Plain words, with the configured number, when an organization limit stops a change. */
function limitMessages(limits: OrgLimits): Record<string, string> {
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
      const key = (userId: string) => `${LAST_ACTIVE_PREFIX}${userId}`;
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                // A new session (sign-in) starts in the organization the user last worked in, if still a member.
                before: async (session) => {
                  if (session.activeOrganizationId) return;
                  const saved = await context.internalAdapter.findVerificationValue(key(session.userId));
                  if (!saved?.value) return;
                  if (!(await findMember(context, saved.value, session.userId))) return;
                  return { data: { ...session, activeOrganizationId: saved.value } };
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
            await auditInsert(db, {
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
