// The operator side of better-auth: rules the admin plugin does not know (no action on another operator, support
// stays away from staff, nobody changes their own role, reasons for bans and impersonation, only some fields through
// update-user, impersonation capped at an hour and ended by sign-out too), the audit row of every admin action, the
// impersonation notice and a two-factor reset endpoint. Which endpoint acts on whom comes from the registry
// (lib/auth/registry.ts); the ids it reads passed the shape gate (plugins/request-shape.ts), so they are exactly what
// better-auth acts on. All of it lives in hooks and endpoints: it holds the same for the console, the HTTP API and
// `auth.api`. The pieces: operator-request (codes, reasons, target), operator-update-user, operator-impersonation,
// operator-audit and operator-two-factor-reset.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { Database } from "@/db/database";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { IMPERSONATION_MAX_SECONDS, IMPERSONATION_REASON_MIN, REASON_MAX } from "@/lib/auth/operator-rules";
import { isStaffRole } from "@/lib/auth/permissions";
import { endpointRule } from "@/lib/auth/registry";
import { operatorPolicyVerdict, staffActionFor } from "@/lib/auth/rules";
import type { MailSettings } from "@/lib/email/send";
import { paragraphs } from "@/lib/validations/text";
import { actionForPath, auditEntryFor } from "./operator-audit";
import { capImpersonationExpiry, sendImpersonationNotice, signOutAfter, signOutBefore } from "./operator-impersonation";
import {
  OPERATOR_POLICY_ERROR_CODES,
  type PolicyErrorCode,
  pendingActions,
  policyError,
  reasonFrom,
  reasonOf,
  record,
  type SessionLike,
  staffTarget,
  type TargetLike,
} from "./operator-request";
import { resetUserTwoFactorEndpoint } from "./operator-two-factor-reset";
import { fieldsNotUpdatable, sendEmailChangeNotices } from "./operator-update-user";

export { auditEntryFor } from "./operator-audit";
export { OPERATOR_POLICY_ERROR_CODES } from "./operator-request";
export { UPDATABLE_USER_FIELDS } from "./operator-update-user";
export { IMPERSONATION_MAX_SECONDS, IMPERSONATION_REASON_MIN, REASON_MAX };

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
                async before(data, ctx) {
                  return capImpersonationExpiry(data, ctx?.context.session?.session as SessionLike["session"]);
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
              if (fieldsNotUpdatable(data).length > 0) throw await deny("BAD_REQUEST", "FIELD_NOT_UPDATABLE");
            }

            // Whom staff may act on (lib/auth/rules.ts). Only staff get past the admin plugin's permission checks;
            // others are refused by it as usual (and learn nothing about the target from us).
            const action = rule?.target ? staffActionFor(path, data) : null;
            if (session && target && action) {
              const verdict = operatorPolicyVerdict(session.user, target, action);
              if (!verdict.ok) throw await deny(verdict.status, verdict.code);
            }
            // A new address is unproven: the account signs in with it once it is verified (unless the operator
            // vouches for it in the same request).
            if (path === "/admin/update-user" && "email" in data && !("emailVerified" in data)) {
              data.emailVerified = false;
            }

            (await pendingActions.get()).set(path, { session, target });
          }),
        },
        signOutBefore,
      ],
      after: [
        signOutAfter(db),
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

            if (path === "/admin/update-user") {
              await sendEmailChangeNotices(settings, baseURL, record(ctx.body), record(returned), pending);
            }
            if (path === "/admin/impersonate-user" && noticeEnabled) {
              await sendImpersonationNotice(settings, pending, entry.reason ?? "");
            }
          }),
        },
      ],
    },

    endpoints: {
      resetUserTwoFactor: resetUserTwoFactorEndpoint(db, settings, baseURL),
    },
  } satisfies BetterAuthPlugin;
}
