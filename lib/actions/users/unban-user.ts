"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { describeApiError } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Lifts a ban (the optional reason goes into the audit row). */
export const unbanUserAction = serverAction(
  "users.unban",
  async (_context, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Choose a user." };
    // `reason` is not in the admin plugin's body type; our policy plugin reads it from the request body.
    const body: { userId: string; reason?: string } = parsed.data;
    try {
      await (await getAuth()).api.unbanUser({ headers: await headers(), body });
    } catch (error) {
      return { ok: false, error: describeApiError(error, "unbanUser") };
    }
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "Unbanned. They can sign in again." };
  },
);
