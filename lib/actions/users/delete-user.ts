"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getUserDetail } from "@/db/queries/users";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type DeleteUser, deleteUserSchema } from "@/lib/validations/users";

/** Deletes a user for good, once the operator has typed their email address. */
export const deleteUserAction = serverAction(
  "users.delete",
  async (_context, input: DeleteUser): Promise<ActionResult> => {
    const parsed = deleteUserSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Confirm the deletion." };
    const target = await getUserDetail(parsed.data.userId);
    if (!target) return { ok: false, error: "This user no longer exists." };
    if (parsed.data.confirmation.toLowerCase() !== target.email.toLowerCase()) {
      return {
        ok: false,
        error: "The confirmation does not match the user's email address.",
        fieldErrors: { confirmation: "Type the email address exactly." },
      };
    }
    const body: { userId: string; reason?: string } = { userId: target.id, reason: parsed.data.reason };
    try {
      await (await getAuth()).api.removeUser({ headers: await headers(), body });
    } catch (error) {
      return apiFailure(error, "removeUser");
    }
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: `${target.email} was deleted.` };
  },
);
