// better-auth's client answers as action results, worded by the console's one table (lib/auth/errors.ts). The table
// loads only when a call fails, so it is not part of any form page's first load.
import type { AuthClientError } from "@/lib/auth/errors";
import type { ActionResult } from "./result";

/**
 * better-auth's client answer `{ data, error }` as an action result: its error in the console's words with its code,
 * or `message` on success.
 */
export async function fromAuth<T>(
  response: { data: T | null; error: AuthClientError | null },
  message = "",
): Promise<ActionResult<T>> {
  if (response.error) {
    const { describeAuthError } = await import("@/lib/auth/errors");
    const { code } = response.error;
    return { ok: false, error: describeAuthError(response.error), ...(code ? { code } : {}) };
  }
  return { ok: true, message, ...(response.data != null ? { data: response.data } : {}) };
}
