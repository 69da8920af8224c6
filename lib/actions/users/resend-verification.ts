"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { getUserDetail } from "@/db/queries/users";
import { type ActionResult, UNEXPECTED_ERROR } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { clientAddressHeaders } from "@/lib/auth/plugins/server-call-rate-limit";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Sends a new verification link to a user whose address is not verified yet. */
export const resendVerificationAction = serverAction(
  "users.verification.resend",
  async ({ actor, rule }, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a user." };
    const target = await getUserDetail(parsed.data.userId);
    if (!target) return { ok: false, error: "This user no longer exists." };
    if (target.emailVerified) return { ok: false, error: "This email address is already verified." };
    const requestHeaders = await headers();
    try {
      // Without the operator's cookie: this is the public endpoint acting for the user's address. With the client's
      // address: held to that endpoint's limit for it, like the same request over HTTP.
      await (await getAuth()).api.sendVerificationEmail({
        headers: clientAddressHeaders(requestHeaders),
        body: { email: target.email, callbackURL: "/verify-email/done" },
      });
    } catch (error) {
      if (!(error instanceof APIError)) console.error("sendVerificationEmail failed:", error);
      if (error instanceof APIError && error.statusCode === 429) return { ok: false, error: error.message };
      return { ok: false, error: "The verification email could not be sent. Try again in a minute." };
    }
    try {
      await recordAudit(await getDb(), {
        action: rule.action,
        ...actor,
        targetUserId: target.id,
        reason: parsed.data.reason ?? null,
        ...requestOrigin(requestHeaders),
      });
    } catch (error) {
      console.error("audit of verification resend failed:", error);
      return { ok: false, error: UNEXPECTED_ERROR };
    }
    return { ok: true, message: `A new verification link was sent to ${target.email}.` };
  },
);
