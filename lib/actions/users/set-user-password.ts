"use server";

import { headers } from "next/headers";
import { requireOperator } from "@/lib/auth/guard";
import { getAuth } from "@/lib/auth/server";
import { type SetUserPassword, setUserPasswordSchema } from "@/lib/validations/users";
import { type ActionResult, adminFailure, fieldErrorsOf } from "./action-result";

/** Sets a user's password (creating their password sign-in if they had none). */
export async function setUserPasswordAction(input: SetUserPassword): Promise<ActionResult> {
  await requireOperator();
  const parsed = setUserPasswordSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  }
  const body: { userId: string; newPassword: string; reason?: string } = {
    userId: parsed.data.userId,
    newPassword: parsed.data.password,
    reason: parsed.data.reason,
  };
  try {
    await (await getAuth()).api.setUserPassword({ headers: await headers(), body });
  } catch (error) {
    return adminFailure(error, "setUserPassword");
  }
  return { ok: true, message: "Password set. Tell the user through a channel you trust." };
}
