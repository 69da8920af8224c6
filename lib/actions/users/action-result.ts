import { APIError } from "better-auth/api";

/** What a user-management action returns to its form: a sentence either way, and data when there is some. */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: string };

/** The plain message for a failure we did not foresee (the details go to the log, not the screen). */
export const UNEXPECTED_ERROR = "Something went wrong. Please try again.";

/** Plain words for the admin plugin's refusals (its own messages are terse); our policy plugin's are already plain. */
const ADMIN_MESSAGES: Record<string, string> = {
  YOU_ARE_NOT_ALLOWED_TO_BAN_USERS: "Your role cannot ban or unban users.",
  YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE: "Your role cannot change roles.",
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD: "Your role cannot set passwords.",
  YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS: "Your role cannot delete users.",
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS: "Your role cannot change users.",
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL: "Your role cannot change email addresses.",
  YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS: "Your role cannot create users.",
  YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS: "Your role cannot impersonate users.",
  YOU_CANNOT_IMPERSONATE_ADMINS: "Operators cannot be impersonated.",
  YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS: "Your role cannot sign users out.",
  YOU_CANNOT_BAN_YOURSELF: "You cannot ban yourself.",
  YOU_CANNOT_REMOVE_YOURSELF: "You cannot delete your own account here.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email address already exists.",
  USER_NOT_FOUND: "This user no longer exists.",
  BANNED_USER: "This user is banned: unban them first.",
  PASSWORD_TOO_SHORT: "The password is too short.",
  PASSWORD_TOO_LONG: "The password is too long.",
};

/** A better-auth refusal in words for the operator; anything else is logged and answered generically. */
export function describeAdminError(error: unknown, context: string): string {
  if (error instanceof APIError) {
    const code = typeof error.body?.code === "string" ? error.body.code : undefined;
    if (code && ADMIN_MESSAGES[code]) return ADMIN_MESSAGES[code] as string;
    if (error.message) return error.message;
  }
  console.error(`${context} failed:`, error);
  return UNEXPECTED_ERROR;
}

/** The first message of each field of a zod error, for react-hook-form's setError. */
export function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    result[key] ??= issue.message;
  }
  return result;
}

/** A failed better-auth call as an action result: the words, and better-auth's code (e.g. FRESH_SIGN_IN_REQUIRED). */
export function adminFailure(error: unknown, context: string): { ok: false; error: string; code?: string } {
  const code = error instanceof APIError && typeof error.body?.code === "string" ? error.body.code : undefined;
  return { ok: false, error: describeAdminError(error, context), ...(code ? { code } : {}) };
}
