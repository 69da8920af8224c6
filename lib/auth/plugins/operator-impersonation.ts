// The end of an impersonation (operator policy): at most an hour after it began, however the session is refreshed,
// and a sign-out ends it like /admin/stop-impersonating (the staff member's own session goes too). Also the notice
// mail that tells the user someone from support signed in as them.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { expireCookie } from "better-auth/cookies";
import type { Database } from "@/db/database";
import { impersonationEndActor, recordAudit, requestOrigin } from "@/lib/audit";
import { IMPERSONATION_MAX_SECONDS } from "@/lib/auth/operator-rules";
import { sendImpersonationNoticeMail } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";
import { actionForPath } from "./operator-audit";
import type { PendingAction, SessionLike } from "./operator-request";

type Hooks = NonNullable<BetterAuthPlugin["hooks"]>;

/**
 * better-auth refreshes a session's expiry on use; an impersonation must still end an hour after it began, whatever
 * the client does with its cookies. For the session update hook: the update with its expiry capped, or undefined.
 */
export function capImpersonationExpiry<T extends { expiresAt?: Date | string | number | null }>(
  data: T,
  current: SessionLike["session"] | undefined,
): { data: T } | undefined {
  if (!current?.impersonatedBy || !data.expiresAt) return;
  const cap = new Date(current.createdAt).getTime() + IMPERSONATION_MAX_SECONDS * 1000;
  if (new Date(data.expiresAt).getTime() <= cap) return;
  return { data: { ...data, expiresAt: new Date(cap) } };
}

/** The impersonation a sign-out ends: the impersonation session, for the after hook. */
const endingImpersonation = defineRequestState<SessionLike | null>(() => null);

/** Signing out of an impersonation ends it like /admin/stop-impersonating, and signs the staff member out too. */
export const signOutBefore: NonNullable<Hooks["before"]>[number] = {
  matcher: (ctx) => ctx.path === "/sign-out",
  handler: createAuthMiddleware(async (ctx) => {
    const session = (await getSessionFromCtx(ctx).catch(() => null)) as SessionLike | null;
    if (session?.session.impersonatedBy) await endingImpersonation.set(session);
  }),
};

export function signOutAfter(db: Database): NonNullable<Hooks["after"]>[number] {
  return {
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
  };
}

/** Tells the user that a staff member signed in as them, and why; a lost notice is logged, not a refusal. */
export async function sendImpersonationNotice(settings: MailSettings, pending: PendingAction, reason: string) {
  if (!pending.target || !pending.session) return;
  try {
    await sendImpersonationNoticeMail(settings, {
      to: pending.target.email,
      name: pending.target.name,
      operatorName: pending.session.user.name,
      reason,
      startedAt: new Date(),
      durationSeconds: IMPERSONATION_MAX_SECONDS,
    });
  } catch (error) {
    // The impersonation and its audit row stand; a lost notice is logged, not a reason to refuse help.
    console.error("impersonation notice not sent:", error instanceof Error ? error.message : error);
  }
}
