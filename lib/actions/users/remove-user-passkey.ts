"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type RemoveUserPasskey, removeUserPasskeySchema } from "@/lib/validations/passkeys";

/** Removes one of a user's passkeys and mails them (one batch with its audit row, in the plugin). */
export const removeUserPasskeyAction = serverAction(
  "users.passkey.remove",
  async (_context, input: RemoveUserPasskey): Promise<ActionResult> => {
    const parsed = removeUserPasskeySchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "Choose a passkey." };
    let mailed = true;
    try {
      const result = await (await getAuth()).api.removeUserPasskey({ headers: await headers(), body: parsed.data });
      mailed = result.mailed;
    } catch (error) {
      return apiFailure(error, "removeUserPasskey");
    }
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return {
      ok: true,
      message: mailed
        ? "The passkey was removed and they were told by email."
        : "The passkey was removed, but the email to them could not be sent.",
    };
  },
  { target: (input) => input?.userId },
);
