"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { findMySessionToken } from "@/db/queries/sessions";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type RecordId, recordIdSchema } from "@/lib/validations/account";

/** Signs out one of the caller's other sessions (better-auth deletes it; that browser is signed out at once). */
export const revokeSessionAction = serverAction(
  "account.session.revoke",
  async ({ session: { user, session }, actor, rule }, input: RecordId): Promise<ActionResult> => {
    const parsed = recordIdSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a session to sign out." };
    if (parsed.data.id === session.id) {
      return { ok: false, error: "This is the session you are using now. Use “Sign out” in the account menu instead." };
    }
    const token = await findMySessionToken(user.id, parsed.data.id);
    if (!token) return { ok: false, error: "That session has already ended." };

    const requestHeaders = await headers();
    try {
      await (await getAuth()).api.revokeSession({ headers: requestHeaders, body: { token } });
    } catch (error) {
      return apiFailure(error, "revokeSession");
    }
    await recordAudit(await getDb(), {
      action: rule.action,
      ...actor,
      targetUserId: user.id,
      metadata: { sessionId: parsed.data.id },
      ...requestOrigin(requestHeaders),
    });
    revalidatePath("/account/sessions");
    return { ok: true, message: "That session was signed out." };
  },
);
