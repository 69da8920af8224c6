"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { describeApiError } from "@/lib/actions/failure";
import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { clientAddressHeaders } from "@/lib/auth/plugins/server-call-rate-limit";
import { getAuth } from "@/lib/auth/server";
import { type CreateUser, createUserSchema } from "@/lib/validations/users";

/**
 * Creates an account with a role and either a password the operator chose, or none and a mailed link to set one
 * (better-auth's password-reset link; using it proves the address, so the account starts verified).
 */
export const createUserAction = serverAction(
  "users.create",
  async (_context, input: CreateUser): Promise<ActionResult<{ id: string }>> => {
    const parsed = createUserSchema.safeParse(input);
    if (!parsed.success) {
      return invalidInput(parsed.error.issues);
    }
    const { name, email, role, passwordMode, password } = parsed.data;
    const auth = await getAuth();
    const requestHeaders = await headers();
    let id: string;
    try {
      const created = await auth.api.createUser({
        headers: requestHeaders,
        body: {
          name,
          email,
          role,
          ...(passwordMode === "password" ? { password } : {}),
          data: { emailVerified: passwordMode === "link" },
        },
      });
      id = created.user.id;
    } catch (error) {
      const message = describeApiError(error, "createUser");
      const duplicate = message.includes("already exists");
      return { ok: false, error: message, fieldErrors: duplicate ? { email: message } : undefined };
    }
    revalidatePath("/admin/users");
    if (passwordMode === "password") {
      return {
        ok: true,
        message: `${email} was created. Share the password through a channel you trust.`,
        data: { id },
      };
    }
    try {
      // The client's address (not the operator's cookie): held to the endpoint's limit for that address.
      await auth.api.requestPasswordReset({
        headers: clientAddressHeaders(requestHeaders),
        body: { email, redirectTo: "/reset-password" },
      });
    } catch (error) {
      const limited = error instanceof APIError && error.statusCode === 429;
      if (!limited) console.error("set-password link for a new user not sent:", error);
      return {
        ok: true,
        message: `${email} was created, but the link to set a password could not be sent${limited ? ` (${error.message})` : ""}. Use “Set password” or try again.`,
        data: { id },
      };
    }
    return { ok: true, message: `${email} was created and emailed a link to set a password.`, data: { id } };
  },
);
