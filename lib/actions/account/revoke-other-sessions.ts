"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type ActionResult, UNEXPECTED_ERROR } from "./action-result";

/** Signs out every session of the caller except the one making the request. */
export const revokeOtherSessionsAction = serverAction(
  "account.sessions.revoke_others",
  async ({ session: { user }, actor, rule }): Promise<ActionResult> => {
    const requestHeaders = await headers();
    try {
      await (await getAuth()).api.revokeOtherSessions({ headers: requestHeaders });
    } catch (error) {
      console.error("revokeOtherSessions failed:", error);
      return { ok: false, error: error instanceof APIError ? error.message : UNEXPECTED_ERROR };
    }
    await recordAudit(await getDb(), {
      action: rule.action,
      ...actor,
      targetUserId: user.id,
      ...requestOrigin(requestHeaders),
    });
    revalidatePath("/account/sessions");
    return { ok: true, message: "Every other session was signed out." };
  },
);
