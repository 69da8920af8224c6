"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Removes a user's two-factor authentication, ends their sessions and mails them (one batch, in the plugin). */
export const resetTwoFactorAction = serverAction(
  "users.two_factor.reset",
  async (_context, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a user." };
    let mailed = true;
    try {
      const result = await (await getAuth()).api.resetUserTwoFactor({ headers: await headers(), body: parsed.data });
      mailed = result.mailed;
    } catch (error) {
      return apiFailure(error, "resetUserTwoFactor");
    }
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return {
      ok: true,
      message: mailed
        ? "Two-factor authentication was removed, their sessions ended, and they were told by email."
        : "Two-factor authentication was removed and their sessions ended, but the email to them could not be sent.",
    };
  },
);
