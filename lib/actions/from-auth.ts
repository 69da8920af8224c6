// better-auth's client answers as action results, worded by the console's one table (lib/auth/errors.ts).
import { type AuthClientError, describeAuthError } from "@/lib/auth/errors";
import type { ActionResult } from "./result";

/**
 * better-auth's client answer `{ data, error }` as an action result: its error in the console's words (one table,
 * lib/auth/errors.ts) with its code, or `message` on success.
 */
export function fromAuth<T>(
  response: { data: T | null; error: AuthClientError | null },
  message = "",
): ActionResult<T> {
  if (response.error) {
    const { code } = response.error;
    return { ok: false, error: describeAuthError(response.error), ...(code ? { code } : {}) };
  }
  return { ok: true, message, ...(response.data != null ? { data: response.data } : {}) };
}
