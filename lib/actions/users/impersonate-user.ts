"use server";

import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { type ImpersonateUser, impersonateUserSchema } from "@/lib/validations/users";

/**
 * Starts impersonating a user with a reason. better-auth swaps the session cookies (nextCookies sets them on this
 * response); the policy plugin checks the reason, records it and mails the user.
 */
export const impersonateUserAction = serverAction(
  "users.impersonate",
  async (_context, input: ImpersonateUser): Promise<ActionResult> => {
    const parsed = impersonateUserSchema.safeParse(input);
    if (!parsed.success) {
      return invalidInput(parsed.error.issues);
    }
    // `reason` is not in the admin plugin's body type; our policy plugin requires it on this endpoint.
    const body: { userId: string; reason: string } = parsed.data;
    try {
      await (await getAuth()).api.impersonateUser({ headers: await headers(), body });
    } catch (error) {
      return apiFailure(error, "impersonateUser");
    }
    return { ok: true, message: "You are now signed in as this user." };
  },
);
