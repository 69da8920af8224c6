"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type SetUserRole, setUserRoleSchema } from "@/lib/validations/users";

/** Gives a user a platform role (admin, support or user). */
export const setUserRoleAction = serverAction(
  "users.role.set",
  async (_context, input: SetUserRole): Promise<ActionResult> => {
    const parsed = setUserRoleSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Choose a role." };
    const body: { userId: string; role: "admin" | "support" | "user"; reason?: string } = parsed.data;
    try {
      await (await getAuth()).api.setRole({ headers: await headers(), body });
    } catch (error) {
      return apiFailure(error, "setRole");
    }
    revalidatePath("/admin/users", "layout");
    return { ok: true, message: `Role set to ${parsed.data.role}.` };
  },
);
