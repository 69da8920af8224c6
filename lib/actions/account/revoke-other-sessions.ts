"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit, requestOrigin } from "@/lib/audit";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";

/** Signs out every session of the caller except the one making the request. */
export const revokeOtherSessionsAction = serverAction(
  "account.sessions.revoke_others",
  async ({ session: { user }, actor, rule }): Promise<ActionResult> => {
    const requestHeaders = await headers();
    try {
      await (await getAuth()).api.revokeOtherSessions({ headers: requestHeaders });
    } catch (error) {
      return apiFailure(error, "revokeOtherSessions");
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
