"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { findUserSessionToken } from "@/db/queries/users";
import { describeApiError } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type RevokeUserSession, revokeUserSessionSchema } from "@/lib/validations/users";

/** Ends one session of a user (that browser is signed out at its next request). */
export const revokeUserSessionAction = serverAction(
  "users.session.revoke",
  async (_context, input: RevokeUserSession): Promise<ActionResult> => {
    const parsed = revokeUserSessionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a session." };
    const token = await findUserSessionToken(parsed.data.userId, parsed.data.sessionId);
    if (!token) return { ok: false, error: "That session has already ended." };
    try {
      await (await getAuth()).api.revokeUserSession({ headers: await headers(), body: { sessionToken: token } });
    } catch (error) {
      return { ok: false, error: describeApiError(error, "revokeUserSession") };
    }
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return { ok: true, message: "Session ended." };
  },
);
