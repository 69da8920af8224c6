"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getUsersByIds } from "@/db/queries/users";
import { apiFailure } from "@/lib/actions/failure";
import type { ActionResult } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { FRESH_SIGN_IN_REQUIRED } from "@/lib/auth/step-up-rules";
import { BAN_EXPIRY_PRESETS, type BulkUsers, bulkUsersSchema } from "@/lib/validations/users";

/** The outcome for one selected user. */
export interface BulkRowResult {
  userId: string;
  email: string;
  ok: boolean;
  message: string;
}

/**
 * Bans, unbans or signs out each selected user in turn through better-auth (so every rule and audit row applies per
 * user) and reports each outcome: one refusal does not stop the others.
 */
export const bulkUsersAction = serverAction(
  "users.bulk",
  async (_context, input: BulkUsers): Promise<ActionResult<BulkRowResult[]>> => {
    const parsed = bulkUsersSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the selection." };
    const request = parsed.data;
    const auth = await getAuth();
    const requestHeaders = await headers();
    const ids = [...new Set(request.userIds)];
    const people = new Map((await getUsersByIds(ids)).map((person) => [person.id, person]));

    const results: BulkRowResult[] = [];
    for (const userId of ids) {
      const email = people.get(userId)?.email ?? userId;
      if (!people.has(userId)) {
        results.push({ userId, email, ok: false, message: "This user no longer exists." });
        continue;
      }
      try {
        if (request.action === "ban") {
          const seconds = BAN_EXPIRY_PRESETS[request.expiry].seconds;
          await auth.api.banUser({
            headers: requestHeaders,
            body: { userId, banReason: request.reason, ...(seconds ? { banExpiresIn: seconds } : {}) },
          });
          results.push({ userId, email, ok: true, message: "Banned" });
        } else if (request.action === "unban") {
          await auth.api.unbanUser({ headers: requestHeaders, body: { userId } });
          results.push({ userId, email, ok: true, message: "Unbanned" });
        } else {
          await auth.api.revokeUserSessions({ headers: requestHeaders, body: { userId } });
          results.push({ userId, email, ok: true, message: "Signed out everywhere" });
        }
      } catch (error) {
        const failure = apiFailure(error, `bulk ${request.action}`);
        // Every further row would be refused the same way: ask for the fresh sign-in first (nothing was done yet).
        if (failure.code === FRESH_SIGN_IN_REQUIRED) return failure;
        results.push({ userId, email, ok: false, message: failure.error });
      }
    }
    revalidatePath("/admin/users", "layout");
    const done = results.filter((result) => result.ok).length;
    return { ok: true, message: `${done} of ${results.length} done.`, data: results };
  },
);
