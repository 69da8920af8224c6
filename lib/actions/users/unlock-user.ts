"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { describeApiError } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Lifts a user's sign-in lockout (failed passwords or second-factor codes) early; the plugin records it. */
export const unlockUserAction = serverAction(
  "users.unlock",
  async (_context, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a user." };
    try {
      await (await getAuth()).api.unlockUser({ headers: await headers(), body: parsed.data });
    } catch (error) {
      return { ok: false, error: describeApiError(error, "unlockUser") };
    }
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return { ok: true, message: "Unlocked. They can sign in again now." };
  },
);
