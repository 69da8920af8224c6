"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { apiFailure } from "@/lib/actions/failure";
import { type ActionResult, invalidInput } from "@/lib/actions/result";
import { serverAction } from "@/lib/auth/entry";
import { getAuth } from "@/lib/auth/server";
import { BAN_EXPIRY_PRESETS, type BanUser, banUserSchema } from "@/lib/validations/users";

/** Bans a user with a reason and a preset length; better-auth ends their sessions, our plugin records it. */
export const banUserAction = serverAction("users.ban", async (_context, input: BanUser): Promise<ActionResult> => {
  const parsed = banUserSchema.safeParse(input);
  if (!parsed.success) {
    return invalidInput(parsed.error.issues);
  }
  const { userId, reason, expiry } = parsed.data;
  const seconds = BAN_EXPIRY_PRESETS[expiry].seconds;
  try {
    await (await getAuth()).api.banUser({
      headers: await headers(),
      body: { userId, banReason: reason, ...(seconds ? { banExpiresIn: seconds } : {}) },
    });
  } catch (error) {
    return apiFailure(error, "banUser");
  }
  revalidatePath("/admin/users", "layout");
  return {
    ok: true,
    message: `Banned (${BAN_EXPIRY_PRESETS[expiry].label.toLowerCase()}). Their sessions were ended.`,
  };
});
