// POST /admin/remove-user-passkey (operators): removes one of a user's passkeys, e.g. a lost phone's, with the audit
// row in the same batch, then mails the user. Whom an operator may act on is the operator policy's (the registry's
// `target`, lib/auth/rules.ts "remove-passkey"), which runs before this.
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { passkey as passkeyTable } from "@/db/schema";
import { auditActor, auditInsert, requestOrigin } from "@/lib/audit";
import { REASON_MAX } from "@/lib/auth/operator-rules";
import { platformRoleAllows } from "@/lib/auth/permissions";
import { sendPasskeyRemovedMail } from "@/lib/email/messages";
import type { MailSettings } from "@/lib/email/send";
import type { SessionLike } from "./operator-request";

export function removeUserPasskeyEndpoint(db: Database, settings: MailSettings, baseURL: string) {
  return createAuthEndpoint(
    "/admin/remove-user-passkey",
    {
      method: "POST",
      body: z.object({
        userId: z.string().min(1),
        passkeyId: z.string().min(1),
        reason: z.string().max(REASON_MAX).optional(),
      }),
      metadata: { openapi: { operationId: "removeUserPasskey", summary: "Remove one of a user's passkeys" } },
    },
    async (ctx) => {
      const session = (await getSessionFromCtx(ctx)) as SessionLike | null;
      if (!session) throw APIError.fromStatus("UNAUTHORIZED");
      // The permission of a two-factor reset: a passkey is a way in, like the second factor it can stand for.
      if (!platformRoleAllows(session.user.role, { "two-factor": ["reset"] })) {
        throw APIError.from("FORBIDDEN", {
          code: "NOT_ALLOWED_TO_REMOVE_PASSKEYS",
          message: "You are not allowed to remove the passkeys of users.",
        });
      }
      const target = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
      if (!target) throw APIError.from("NOT_FOUND", { code: "USER_NOT_FOUND", message: "User not found" });
      const theirs = and(eq(passkeyTable.id, ctx.body.passkeyId), eq(passkeyTable.userId, target.id));
      const [found] = await db
        .select({ id: passkeyTable.id, name: passkeyTable.name })
        .from(passkeyTable)
        .where(theirs);
      if (!found) {
        throw APIError.from("NOT_FOUND", { code: "PASSKEY_NOT_FOUND", message: "This passkey no longer exists." });
      }
      await db.batch([
        db.delete(passkeyTable).where(theirs),
        auditInsert(db, {
          action: "user.passkey.remove",
          ...auditActor(session),
          targetUserId: target.id,
          reason: ctx.body.reason?.trim() || null,
          metadata: { passkeyId: found.id, passkeyName: found.name ?? null, byStaff: true },
          ...requestOrigin(ctx.headers),
        }),
      ]);
      try {
        await sendPasskeyRemovedMail(settings, {
          to: target.email,
          name: target.name,
          passkeyName: found.name ?? null,
          securityUrl: `${baseURL}/account/security`,
        });
      } catch (error) {
        console.error("passkey removal mail not sent:", error instanceof Error ? error.message : error);
        return ctx.json({ success: true, mailed: false });
      }
      return ctx.json({ success: true, mailed: true });
    },
  );
}
