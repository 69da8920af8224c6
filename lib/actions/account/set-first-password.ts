"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type ResetPassword, resetPasswordSchema } from "@/lib/validations/auth";

/**
 * Gives an account that signs in only through a provider (or a passkey) a password too: better-auth's server-only
 * setPassword, which refuses an account that already has one. A new way in: after a fresh sign-in (registry).
 */
export const setFirstPasswordAction = serverAction(
  "account.password.set",
  async ({ session: { user }, actor, rule }, input: ResetPassword): Promise<ActionResult> => {
    const parsed = resetPasswordSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(
        parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
      );
      return { ok: false, error: "Check the password.", fieldErrors };
    }
    const requestHeaders = await headers();
    try {
      await (await getAuth()).api.setPassword({ headers: requestHeaders, body: { newPassword: parsed.data.password } });
    } catch (error) {
      return apiFailure(error, "setPassword");
    }
    await recordAudit(await getDb(), {
      action: rule.action,
      ...actor,
      targetUserId: user.id,
      ...requestOrigin(requestHeaders),
    });
    revalidatePath("/account/profile");
    return { ok: true, message: `Password set: you can now sign in with ${user.email} and this password too.` };
  },
);
