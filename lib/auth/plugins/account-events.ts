// The audit rows the webhook catalogue needs that nothing recorded before (lib/webhooks/catalogue.ts): a new account
// from sign-up (`user.created`), a proven address (`user.email_verified`), a sign-in (`session.created`) and a
// profile change (`user.updated`). Each is written by better-auth's after-hook or database hook with its events, in
// one batch (lib/audit.ts `recordAudit`). Client addresses stay in the audit row; events never carry them.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import type { Database } from "@/db/database";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { takeLockoutClear } from "./account-lockout";

type Row = Record<string, unknown>;
const obj = (value: unknown): Row => (typeof value === "object" && value !== null ? (value as Row) : {});
const str = (value: unknown) => (typeof value === "string" && value ? value : null);

/** The profile fields a user changes themself (better-auth's /update-user). */
const PROFILE_FIELDS = ["name", "image"];

export function accountEvents({ db }: { db: Database }) {
  return {
    id: "account-events",
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                // Every completed sign-in makes a session (two-factor makes it only once the code is accepted);
                // an impersonation session is recorded as impersonation.start instead.
                async after(session, ctx) {
                  const row = session as Row;
                  if (str(row.impersonatedBy)) return;
                  const userId = str(row.userId);
                  if (!userId) return;
                  // A password sign-in's lockout claim is cleared in the same D1 call (plugins/account-lockout.ts).
                  const clearLockout = await takeLockoutClear(db);
                  await recordAudit(
                    db,
                    {
                      action: "user.sign_in",
                      actorUserId: userId,
                      targetUserId: userId,
                      // The organization active in the new session: the sign-in counts in its activity (migrations/0016).
                      metadata: {
                        sessionId: row.id,
                        path: ctx?.path ?? null,
                        ...(str(row.activeOrganizationId) ? { organizationId: str(row.activeOrganizationId) } : {}),
                      },
                      ip: str(row.ipAddress),
                      userAgent: str(row.userAgent)?.slice(0, 512) ?? null,
                    },
                    clearLockout,
                  );
                },
              },
            },
            user: {
              update: {
                async after(user, ctx) {
                  const row = user as Row;
                  if (ctx?.path !== "/verify-email" || row.emailVerified !== true || !str(row.id)) return;
                  await recordAudit(db, {
                    action: "user.email.confirm",
                    actorUserId: str(row.id),
                    targetUserId: str(row.id),
                    event: { email: row.email },
                    ...requestOrigin(ctx?.request?.headers ?? ctx?.headers),
                  });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/sign-up/email" || ctx.path === "/update-user",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const origin = requestOrigin(ctx.request?.headers ?? ctx.headers);
            if (ctx.path === "/sign-up/email") {
              // An address that already has an account gets a look-alike answer (no probing): only a user that
              // exists now was created.
              const id = str(obj(obj(returned).user).id);
              const created = id ? await ctx.context.internalAdapter.findUserById(id) : null;
              if (!created) return;
              await recordAudit(db, {
                action: "user.sign_up",
                actorUserId: created.id,
                targetUserId: created.id,
                metadata: { email: created.email },
                event: { email: created.email, name: created.name },
                ...origin,
              });
              return;
            }
            const session = ctx.context.session;
            if (!session) return;
            const body = obj(ctx.body);
            const fields = PROFILE_FIELDS.filter((field) => field in body);
            if (fields.length === 0) return;
            await recordAudit(db, {
              action: "user.profile.update",
              actorUserId: session.user.id,
              targetUserId: session.user.id,
              metadata: { fields },
              event: "name" in body ? { name: body.name } : {},
              ...origin,
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
