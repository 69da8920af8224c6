// POST /admin/reset-two-factor (operator policy): an operator removes a user's second factor when they lost it.
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { passkey as passkeyTable, session as sessionTable, twoFactor, user as userTable } from "@/db/schema";
import { auditActor, auditInsert, requestOrigin } from "@/lib/audit";
import { REASON_MAX } from "@/lib/auth/operator-rules";
import { platformRoleAllows } from "@/lib/auth/permissions";
import { sendTwoFactorResetMail } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";
import { policyError, type SessionLike } from "./operator-request";

/**
 * POST /admin/reset-two-factor `{ userId, reason? }`: removes the user's two-factor secret and backup codes and their
 * passkeys (each one a second factor on its own), turns two-factor off, ends every session of theirs and records it,
 * in one batch; then mails them.
 */
export function resetUserTwoFactorEndpoint(db: Database, settings: MailSettings, baseURL: string) {
  return createAuthEndpoint(
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
      const passkeys = await db
        .select({ id: passkeyTable.id })
        .from(passkeyTable)
        .where(eq(passkeyTable.userId, target.id));
      await db.batch([
        db.delete(twoFactor).where(eq(twoFactor.userId, target.id)),
        db.delete(passkeyTable).where(eq(passkeyTable.userId, target.id)),
        db.update(userTable).set({ twoFactorEnabled: false, updatedAt: new Date() }).where(eq(userTable.id, target.id)),
        db.delete(sessionTable).where(eq(sessionTable.userId, target.id)),
        auditInsert(db, {
          action: "user.two_factor.reset",
          ...auditActor(session),
          targetUserId: target.id,
          reason: ctx.body.reason?.trim() || null,
          metadata: { hadTwoFactor, passkeysRemoved: passkeys.length },
          ...requestOrigin(ctx.headers),
        }),
      ]);
      try {
        await sendTwoFactorResetMail(settings, {
          to: target.email,
          name: target.name,
          passkeysRemoved: passkeys.length,
          signInUrl: `${baseURL}/sign-in?email=${encodeURIComponent(target.email)}`,
        });
      } catch (error) {
        console.error("two-factor reset mail not sent:", error instanceof Error ? error.message : error);
        return ctx.json({ success: true, mailed: false });
      }
      return ctx.json({ success: true, mailed: true });
    },
  );
}
