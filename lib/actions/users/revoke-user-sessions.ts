"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { describeApiError } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Ends every session of a user. */
export const revokeUserSessionsAction = serverAction(
  "users.sessions.revoke",
  async (_context, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a user." };
    const body: { userId: string; reason?: string } = parsed.data;
    try {
      await (await getAuth()).api.revokeUserSessions({ headers: await headers(), body });
    } catch (error) {
      return { ok: false, error: describeApiError(error, "revokeUserSessions") };
    }
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return { ok: true, message: "Every session of this user was ended." };
  },
);
