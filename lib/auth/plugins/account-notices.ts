// Mail and audit for self-service account changes that better-auth performs but does not announce: a changed
// password (the owner is told), a requested email change (recorded; the current address is asked to confirm it by
// better-auth's sendChangeEmailConfirmation, create-auth.ts), and two-factor changes (turned on, off, new backup
// codes). A notice that cannot be sent is logged: the change itself has already happened.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { Database } from "@/db/database";
import { type AuditEntry, auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { auditActionOf, endpointRule } from "@/lib/auth/registry";
import { sendPasswordChangedMail } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";

/** The account changes recorded here once they succeed (their audit actions are the registry's). */
const AUDITED = new Set([
  "/change-password",
  "/change-email",
  "/two-factor/disable",
  "/two-factor/generate-backup-codes",
]);

/**
 * Where two-factor gets turned on: `/two-factor/enable` itself for email codes, and the first accepted code of an
 * authenticator app (`/two-factor/verify-totp` with a session) for TOTP.
 */
const TURN_ON_PATHS = new Set(["/two-factor/enable", "/two-factor/verify-totp"]);

/** The signed-in user who had two-factor off when this request began (null for sign-in challenges). */
const turningOn = defineRequestState<string | null>(() => null);

export interface AccountNoticesOptions {
  db: Database;
  settings: MailSettings;
  baseURL: string;
}

async function notify(what: string, send: () => Promise<unknown>) {
  try {
    await send();
  } catch (error) {
    console.error(`${what} notice could not be sent:`, error instanceof Error ? error.message : error);
  }
}

/** Sends the notice mails and writes the audit rows of account changes made through better-auth. */
export function accountNotices({ db, settings, baseURL }: AccountNoticesOptions) {
  const resetUrl = `${baseURL}/forgot-password`;
  return {
    id: "account-notices",
    hooks: {
      before: [
        {
          matcher: (ctx) => TURN_ON_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx).catch(() => null);
            const user = session?.user as { id: string; twoFactorEnabled?: boolean | null } | undefined;
            if (user && !user.twoFactorEnabled) await turningOn.set(user.id);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => TURN_ON_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const userId = await turningOn.get();
            const returned = ctx.context.returned;
            if (!userId || isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const user = (await ctx.context.internalAdapter.findUserById(userId)) as {
              twoFactorEnabled?: boolean | null;
            } | null;
            if (!user?.twoFactorEnabled) return; // an authenticator app set up but not confirmed yet
            await recordAudit(db, {
              action: endpointRule("/two-factor/enable")?.action ?? "user.two_factor.enable",
              ...auditActor(ctx.context.session ?? { user: { id: userId }, session: {} }),
              targetUserId: userId,
              metadata: { method: ctx.path === "/two-factor/verify-totp" ? "totp" : "otp" },
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            });
          }),
        },
        {
          matcher: (ctx) => AUDITED.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            const session = ctx.context.session;
            const user = session?.user;
            if (!session || !user) return;
            const body = (ctx.body ?? {}) as { newEmail?: unknown; revokeOtherSessions?: unknown };
            const entry: AuditEntry = {
              action: auditActionOf(ctx.path),
              ...auditActor(session),
              targetUserId: user.id,
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            };

            if (ctx.path === "/change-password") {
              const otherSessionsRevoked = body.revokeOtherSessions === true;
              entry.metadata = { otherSessionsRevoked };
              await notify("password-changed", () =>
                sendPasswordChangedMail(settings, {
                  to: user.email,
                  name: user.name,
                  changedAt: new Date(),
                  otherSessionsRevoked,
                  resetUrl,
                }),
              );
            }
            if (ctx.path === "/change-email" && typeof body.newEmail === "string") {
              const newEmail = body.newEmail.trim().toLowerCase();
              entry.metadata = { newEmail };
            }
            await recordAudit(db, entry);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
