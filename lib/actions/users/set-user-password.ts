"use server";

import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type SetUserPassword, setUserPasswordSchema } from "@/lib/validations/users";

/** Sets a user's password (creating their password sign-in if they had none). */
export const setUserPasswordAction = serverAction(
  "users.password.set",
  async (_context, input: SetUserPassword): Promise<ActionResult> => {
    const parsed = setUserPasswordSchema.safeParse(input);
    if (!parsed.success) {
      return invalidInput(parsed.error.issues);
    }
    const body: { userId: string; newPassword: string; reason?: string } = {
      userId: parsed.data.userId,
      newPassword: parsed.data.password,
      reason: parsed.data.reason,
    };
    try {
      await (await getAuth()).api.setUserPassword({ headers: await headers(), body });
    } catch (error) {
      return apiFailure(error, "setUserPassword");
    }
    return { ok: true, message: "Password set. Tell the user through a channel you trust." };
  },
);
