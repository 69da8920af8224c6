// The operator side of better-auth: rules the admin plugin does not know (no action on another operator, support
// stays away from staff, nobody changes their own role, reasons for bans and impersonation, only some fields through
// update-user, impersonation capped at an hour and ended by sign-out too), the audit row of every admin action, the
// impersonation notice and a two-factor reset endpoint. Which endpoint acts on whom comes from the registry
// (lib/auth/registry.ts); the ids it reads passed the shape gate (plugins/request-shape.ts), so they are exactly what
// better-auth acts on. All of it lives in hooks and endpoints: it holds the same for the console, the HTTP API and
// `auth.api`.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { expireCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { session as sessionTable, twoFactor, user as userTable } from "@/db/schema";
import {
  type AuditEntry,
  auditActor,
  auditInsert,
  impersonationEndActor,
  recordAudit,
  requestOrigin,
} from "@/lib/audit";
import { IMPERSONATION_MAX_SECONDS, IMPERSONATION_REASON_MIN, REASON_MAX } from "@/lib/auth/operator-rules";
import { hasPlatformRole, isStaffRole, platformRoleAllows } from "@/lib/auth/permissions";
import { endpointRule, type Rule } from "@/lib/auth/registry";
import {
  sendEmailChangedByOperatorMails,
  sendImpersonationNoticeMail,
  sendTwoFactorResetMail,
} from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";
import { paragraphs } from "@/lib/validations/text";

export { IMPERSONATION_MAX_SECONDS, IMPERSONATION_REASON_MIN, REASON_MAX };

export const OPERATOR_POLICY_ERROR_CODES = {
  IMPERSONATION_REASON_REQUIRED: `Give a reason for impersonating this user (at least ${IMPERSONATION_REASON_MIN} characters).`,
  BAN_REASON_REQUIRED: "Give a reason for the ban.",
  REASON_TOO_LONG: `Keep the reason under ${REASON_MAX} characters.`,
  CANNOT_ACT_ON_OPERATOR:
    "Operators cannot ban, delete, change the password, role, email or two-factor of, or impersonate another operator.",
  SUPPORT_CANNOT_ACT_ON_STAFF: "Support staff can only act on users who are not staff.",
  CANNOT_CHANGE_OWN_ROLE: "You cannot change your own role.",
  NOT_ALLOWED_TO_RESET_TWO_FACTOR: "You are not allowed to reset two-factor authentication.",
  FIELD_NOT_UPDATABLE:
    "Only the name, picture, email address and email verification can be changed here: roles go through set-role, bans through ban-user, passwords through set-user-password and two-factor through reset-two-factor.",
} as const;
type PolicyErrorCode = keyof typeof OPERATOR_POLICY_ERROR_CODES;

function policyError(status: "BAD_REQUEST" | "FORBIDDEN", code: PolicyErrorCode) {
  return APIError.from(status, { code, message: OPERATOR_POLICY_ERROR_CODES[code] });
}

/** The audit action of an endpoint, from the registry. */
function actionForPath(path: string): string {
  return endpointRule(path)?.action ?? path.replace(/^\/+/, "").replaceAll("/", ".");
}

/** update-user changes these only; everything else has its own endpoint with its own rules (or none at all). */
export const UPDATABLE_USER_FIELDS = ["name", "image", "email", "emailVerified"] as const;
/** Of those, the ones that move or unlock the way the account signs in: never on an operator. */
const SIGN_IN_FIELDS = ["email", "emailVerified"];

/** The reason a request gave (bans call it banReason), without throwing on bad input. */
function reasonOf(path: string, body: Record<string, unknown>): string | null {
  const raw = text(path === "/admin/ban-user" ? body.banReason : body.reason)?.trim();
  return raw ? raw.slice(0, REASON_MAX) : null;
}

interface SessionLike {
  user: { id: string; name: string; email: string; role?: string | null };
  session: { id: string; token: string; impersonatedBy?: string | null; expiresAt: Date; createdAt: Date };
}

interface TargetLike {
  id: string;
  name: string;
  email: string;
  role?: string | null;
}

/** What the before hook learned for the after hook: who asked, about whom (before the change). */
interface PendingAction {
  session: SessionLike | null;
  target: TargetLike | null;
}

/** The user a staff endpoint acts on, found the way the endpoint will find it (its id passed the shape gate). */
async function staffTarget(ctx: HookContext, path: string, rule: Rule | undefined, session: SessionLike | null) {
  const body = record(ctx.body);
  if (path === "/admin/stop-impersonating") return session?.user ?? null;
  if (rule?.target?.field === "sessionToken") {
    const token = text(body.sessionToken);
    return token ? ((await ctx.context.internalAdapter.findSession(token))?.user ?? null) : null;
  }
  const userId = text(body.userId);
  return userId ? await ctx.context.internalAdapter.findUserById(userId) : null;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The impersonation a sign-out ends: the impersonation session, for the after hook. */
const endingImpersonation = defineRequestState<SessionLike | null>(() => null);

const pendingActions = defineRequestState<Map<string, PendingAction>>(() => new Map());

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A string field (the shape gate refused every other shape of an id before this runs). */
function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** A reason from a request body: trimmed, null when blank; throws when it is too long. */
function reasonFrom(body: Record<string, unknown>, key = "reason"): string | null {
  const raw = text(body[key])?.trim() ?? "";
  if (raw.length > REASON_MAX) throw policyError("BAD_REQUEST", "REASON_TOO_LONG");
  return raw === "" ? null : raw;
}

export interface OperatorPolicyOptions {
  /** Drizzle over the same database better-auth uses: audit rows and the two-factor reset are batched writes. */
  db: Database;
  settings: MailSettings & { IMPERSONATION_NOTICE?: string };
  baseURL: string;
}

/** better-auth plugin: operator rules, the operator audit trail, impersonation notices and two-factor reset. */
export function operatorPolicy({ db, settings, baseURL }: OperatorPolicyOptions) {
  const noticeEnabled = (settings.IMPERSONATION_NOTICE ?? "on").trim().toLowerCase() !== "off";

  return {
    id: "operator-policy",
    $ERROR_CODES: Object.fromEntries(
      Object.entries(OPERATOR_POLICY_ERROR_CODES).map(([code, message]) => [code, { code, message }]),
    ) as { [K in PolicyErrorCode]: { code: K; message: (typeof OPERATOR_POLICY_ERROR_CODES)[K] } },

    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              update: {
                // better-auth refreshes a session's expiry on use; an impersonation must still end an hour after
                // it began, whatever the client does with its cookies.
                async before(data, ctx) {
                  const current = ctx?.context.session?.session as SessionLike["session"] | undefined;
                  if (!current?.impersonatedBy || !data.expiresAt) return;
                  const cap = new Date(current.createdAt).getTime() + IMPERSONATION_MAX_SECONDS * 1000;
                  if (new Date(data.expiresAt).getTime() <= cap) return;
                  return { data: { ...data, expiresAt: new Date(cap) } };
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
          matcher: (ctx) => (ctx.path ?? "").startsWith("/admin/"),
          handler: createAuthMiddleware(async (ctx) => {
            const path = ctx.path ?? "";
            const rule = endpointRule(path);
            const session = (await getSessionFromCtx(ctx)) as SessionLike | null;
            const body = record(ctx.body);
            // Reasons are free text other people read (the trail, the ban message, the impersonation notice): line
            // breaks stay; control and text-direction characters become spaces; NFC. Before any check, so a reason
            // of invisible characters counts as blank.
            for (const key of ["reason", "banReason"]) {
              const value = body[key];
              if (typeof value === "string") body[key] = paragraphs(value);
            }
            let target: TargetLike | null = null;
            // A refused attempt by a signed-in user is part of the trail too ("user.ban.denied"), then the refusal.
            const deny = async (status: "FORBIDDEN" | "BAD_REQUEST", code: PolicyErrorCode) => {
              await recordAudit(db, {
                action: `${actionForPath(path)}.denied`,
                ...auditActor(session),
                targetUserId: target?.id ?? null,
                reason: reasonOf(path, body),
                metadata: { code },
                ...requestOrigin(ctx.headers),
              });
              return policyError(status, code);
            };

            if (path === "/admin/impersonate-user") {
              const reason = reasonFrom(body);
              if (!reason || reason.length < IMPERSONATION_REASON_MIN) {
                throw policyError("BAD_REQUEST", "IMPERSONATION_REASON_REQUIRED");
              }
            }
            if (path === "/admin/ban-user" && !reasonFrom(body, "banReason")) {
              throw policyError("BAD_REQUEST", "BAN_REASON_REQUIRED");
            }
            reasonFrom(body); // length check for every optional reason

            target = await staffTarget(ctx, path, rule, session);
            const data = record(body.data);
            if (path === "/admin/update-user" && session && isStaffRole(session.user.role)) {
              const refused = Object.keys(data).filter(
                (key) => !(UPDATABLE_USER_FIELDS as readonly string[]).includes(key),
              );
              if (refused.length > 0) throw await deny("BAD_REQUEST", "FIELD_NOT_UPDATABLE");
            }

            // Only staff get past the admin plugin's permission checks; others are refused by it as usual (and learn
            // nothing about the target from us).
            if (session && isStaffRole(session.user.role) && target && rule?.target) {
              const self = target.id === session.user.id;
              if (path === "/admin/set-role" && self) throw await deny("FORBIDDEN", "CANNOT_CHANGE_OWN_ROLE");
              const onOperator = hasPlatformRole(target.role, "admin");
              if (!self && onOperator && rule.target.operators === "refuse") {
                throw await deny("FORBIDDEN", "CANNOT_ACT_ON_OPERATOR");
              }
              // An operator's own address changes through their profile (confirmed by mail), never here.
              if (path === "/admin/update-user" && onOperator && SIGN_IN_FIELDS.some((key) => key in data)) {
                throw await deny("FORBIDDEN", "CANNOT_ACT_ON_OPERATOR");
              }
              const supportOnly = !hasPlatformRole(session.user.role, "admin");
              if (supportOnly && !self && isStaffRole(target.role) && rule.target.staffForSupport === "refuse") {
                throw await deny("FORBIDDEN", "SUPPORT_CANNOT_ACT_ON_STAFF");
              }
            }
            // A new address is unproven: the account signs in with it once it is verified (unless the operator
            // vouches for it in the same request).
            if (path === "/admin/update-user" && "email" in data && !("emailVerified" in data)) {
              data.emailVerified = false;
            }

            (await pendingActions.get()).set(path, { session, target });
          }),
        },
        {
          // Signing out of an impersonation ends it like /admin/stop-impersonating, and signs the staff member out too.
          matcher: (ctx) => ctx.path === "/sign-out",
          handler: createAuthMiddleware(async (ctx) => {
            const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
            if (session?.session.impersonatedBy) await endingImpersonation.set(session);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-out",
          handler: createAuthMiddleware(async (ctx) => {
            const session = await endingImpersonation.get();
            const returned = ctx.context.returned;
            if (!session || isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const adminCookie = ctx.context.createAuthCookie("admin_session");
            const signed = await ctx.getSignedCookie(adminCookie.name, ctx.context.secret);
            const [adminToken] = (typeof signed === "string" ? signed : "").split(":");
            if (adminToken) {
              const adminSession = await ctx.context.internalAdapter.findSession(adminToken);
              // Only the impersonator's own session: the cookie is signed, but it is checked like stop-impersonating.
              if (adminSession?.session.userId === session.session.impersonatedBy) {
                await ctx.context.internalAdapter.deleteSession(adminToken);
              }
            }
            expireCookie(ctx, adminCookie);
            await recordAudit(db, {
              action: actionForPath("/admin/stop-impersonating"),
              ...impersonationEndActor(session),
              metadata: { via: "sign-out" },
              ...requestOrigin(ctx.headers),
            });
          }),
        },
        {
          matcher: (ctx) => (ctx.path ?? "").startsWith("/admin/") && Boolean(endpointRule(ctx.path)?.audited),
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            const path = ctx.path ?? "";
            const pending = (await pendingActions.get()).get(path) ?? { session: null, target: null };
            if (isAPIError(returned)) {
              // The admin plugin refused a staff member (e.g. support trying a ban): keep the attempt on record.
              if (returned.statusCode === 403 && pending.session && isStaffRole(pending.session.user.role)) {
                await recordAudit(db, {
                  action: `${actionForPath(path)}.denied`,
                  ...auditActor(pending.session),
                  targetUserId: pending.target?.id ?? null,
                  reason: reasonOf(path, record(ctx.body)),
                  metadata: { code: typeof returned.body?.code === "string" ? returned.body.code : "FORBIDDEN" },
                  ...requestOrigin(ctx.headers),
                });
              }
              return;
            }
            if (returned === undefined || returned === null || returned instanceof Response) return;
            // Our own endpoints write their success row in the batch with the change.
            if (path === "/admin/reset-two-factor" || path === "/admin/unlock-user") return;
            const entry = auditEntryFor(path, record(ctx.body), record(returned), pending);
            if (!entry) return;
            await recordAudit(db, { ...entry, ...requestOrigin(ctx.headers) });

            const data = record(record(ctx.body).data);
            const oldEmail = pending.target?.email;
            const newEmail = text(data.email);
            if (path === "/admin/update-user" && pending.target && oldEmail && newEmail && newEmail !== oldEmail) {
              try {
                await sendEmailChangedByOperatorMails(settings, {
                  name: pending.target.name,
                  oldEmail,
                  newEmail: text(record(returned).email) ?? newEmail,
                  signInUrl: `${baseURL}/sign-in`,
                });
              } catch (error) {
                console.error("email change notice not sent:", error instanceof Error ? error.message : error);
              }
            }

            if (path === "/admin/impersonate-user" && noticeEnabled && pending.target && pending.session) {
              try {
                await sendImpersonationNoticeMail(settings, {
                  to: pending.target.email,
                  name: pending.target.name,
                  operatorName: pending.session.user.name,
                  reason: entry.reason ?? "",
                  startedAt: new Date(),
                  durationSeconds: IMPERSONATION_MAX_SECONDS,
                });
              } catch (error) {
                // The impersonation and its audit row stand; a lost notice is logged, not a reason to refuse help.
                console.error("impersonation notice not sent:", error instanceof Error ? error.message : error);
              }
            }
          }),
        },
      ],
    },

    endpoints: {
      /**
       * POST /admin/reset-two-factor `{ userId, reason? }`: removes the user's two-factor secret and backup codes,
       * turns two-factor off, ends every session of theirs and records it, in one batch; then mails them.
       */
      resetUserTwoFactor: createAuthEndpoint(
        "/admin/reset-two-factor",
        {
          method: "POST",
          body: z.object({ userId: z.string().min(1), reason: z.string().max(REASON_MAX).optional() }),
          metadata: { openapi: { operationId: "resetUserTwoFactor", summary: "Reset a user's two-factor" } },
        },
        async (ctx) => {
          const session = (await getSessionFromCtx(ctx)) as SessionLike | null;
          if (!session) throw APIError.fromStatus("UNAUTHORIZED");
          if (!platformRoleAllows(session.user.role, { "two-factor": ["reset"] })) {
            throw policyError("FORBIDDEN", "NOT_ALLOWED_TO_RESET_TWO_FACTOR");
          }
          const target = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!target) throw APIError.from("NOT_FOUND", { code: "USER_NOT_FOUND", message: "User not found" });
          const hadTwoFactor = Boolean((target as { twoFactorEnabled?: boolean | null }).twoFactorEnabled);
          await db.batch([
            db.delete(twoFactor).where(eq(twoFactor.userId, target.id)),
            db
              .update(userTable)
              .set({ twoFactorEnabled: false, updatedAt: new Date() })
              .where(eq(userTable.id, target.id)),
            db.delete(sessionTable).where(eq(sessionTable.userId, target.id)),
            auditInsert(db, {
              action: "user.two_factor.reset",
              ...auditActor(session),
              targetUserId: target.id,
              reason: ctx.body.reason?.trim() || null,
              metadata: { hadTwoFactor },
              ...requestOrigin(ctx.headers),
            }),
          ]);
          try {
            await sendTwoFactorResetMail(settings, {
              to: target.email,
              name: target.name,
              signInUrl: `${baseURL}/sign-in?email=${encodeURIComponent(target.email)}`,
            });
          } catch (error) {
            console.error("two-factor reset mail not sent:", error instanceof Error ? error.message : error);
            return ctx.json({ success: true, mailed: false });
          }
          return ctx.json({ success: true, mailed: true });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}

/** The platform role a staff member acted with, as their history shows it. */
function staffRoleOf(role: string | null | undefined): "admin" | "support" | null {
  return hasPlatformRole(role, "admin") ? "admin" : hasPlatformRole(role, "support") ? "support" : null;
}

/** The audit row for a successful admin endpoint call, from its body, its response and what the before hook saw. */
export function auditEntryFor(
  path: string,
  body: Record<string, unknown>,
  response: Record<string, unknown>,
  { session, target }: PendingAction,
): AuditEntry | null {
  const actor = auditActor(session);
  const base = { ...actor, targetUserId: target?.id ?? text(body.userId), reason: reasonFrom(body) };
  switch (path) {
    case "/admin/create-user": {
      const created = record(response.user);
      return {
        ...base,
        action: "user.create",
        targetUserId: text(created.id),
        metadata: { email: text(created.email), role: text(created.role), withPassword: Boolean(body.password) },
      };
    }
    case "/admin/update-user": {
      const data = record(body.data);
      const fields = Object.keys(data);
      if (fields.length === 1 && data.emailVerified === true) return { ...base, action: "user.email.verify" };
      const email = text(data.email);
      const emailChange = email ? { emailFrom: target?.email ?? null, emailTo: email.toLowerCase() } : {};
      return { ...base, action: "user.update", metadata: { fields, ...emailChange } };
    }
    case "/admin/set-role": {
      const role = Array.isArray(body.role) ? body.role.join(",") : text(body.role);
      return { ...base, action: "user.role.set", metadata: { from: target?.role ?? null, to: role } };
    }
    case "/admin/ban-user": {
      const banned = record(response.user);
      const expires = banned.banExpires ? new Date(banned.banExpires as string | number | Date).toISOString() : null;
      return { ...base, action: "user.ban", reason: reasonFrom(body, "banReason"), metadata: { expiresAt: expires } };
    }
    case "/admin/unban-user":
      return { ...base, action: "user.unban" };
    case "/admin/impersonate-user": {
      const created = record(response.session);
      const expires = created.expiresAt ? new Date(created.expiresAt as string | number | Date).toISOString() : null;
      // The role is kept with the row: the user's own history (/account/security) names the role, not the person.
      return {
        ...base,
        action: "impersonation.start",
        metadata: { sessionExpiresAt: expires, staffRole: staffRoleOf(session?.user.role) },
      };
    }
    case "/admin/stop-impersonating":
      // The operator stops; the session that ends was the impersonated user's.
      return {
        ...base,
        action: "impersonation.stop",
        ...impersonationEndActor(session),
      };
    case "/admin/revoke-user-session":
      return { ...base, action: "session.revoke" };
    case "/admin/revoke-user-sessions":
      return { ...base, action: "user.sessions.revoke" };
    case "/admin/set-user-password":
      return { ...base, action: "user.password.set" };
    case "/admin/remove-user":
      // The trail outlives the user (no foreign key): the id stays, and the metadata keeps who it was.
      return {
        ...base,
        action: "user.delete",
        metadata: { userId: target?.id ?? text(body.userId), email: target?.email ?? null, name: target?.name ?? null },
      };
    default:
      return null;
  }
}
