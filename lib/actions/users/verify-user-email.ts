"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { describeApiError } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type UserAction, userActionSchema } from "@/lib/validations/users";

/** Marks a user's email address as verified (recorded as user.email.verify). */
export const verifyUserEmailAction = serverAction(
  "users.email.verify",
  async (_context, input: UserAction): Promise<ActionResult> => {
    const parsed = userActionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a user." };
    const body: { userId: string; data: { emailVerified: true }; reason?: string } = {
      userId: parsed.data.userId,
      data: { emailVerified: true },
      reason: parsed.data.reason,
    };
    try {
      await (await getAuth()).api.adminUpdateUser({ headers: await headers(), body });
    } catch (error) {
      return { ok: false, error: describeApiError(error, "adminUpdateUser") };
    }
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: "Email address marked as verified." };
  },
);
