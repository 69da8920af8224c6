// The one result every server action and every wrapped better-auth client call returns to its form or
// confirmation (components/forms/use-action-form.ts, components/confirm-action.tsx). Client-safe: no server imports.

/** A sentence either way; data when there is some; on failure, better-auth's (or our) code and per-field words. */
export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string> };

/** The failing side of an action result. */
export type ActionFailure = Extract<ActionResult, { ok: false }>;

/** The plain message for a failure we did not foresee (the details go to the log, not the screen). */
export const UNEXPECTED_ERROR = "Something went wrong. Please try again.";

/** The first message of each field of a zod error, for react-hook-form's setError. */
export function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    result[key] ??= issue.message;
  }
  return result;
}

/** The refusal of input that failed its schema: the fields say what is wrong. */
export function invalidInput(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): ActionFailure {
  return {
    ok: false,
    error: "Check the highlighted fields.",
    code: "INVALID_INPUT",
    fieldErrors: fieldErrorsOf(issues),
  };
}

/** A refusal in our own words, with the code a test or the client can name. */
export function refused(code: string, error: string): ActionFailure {
  return { ok: false, error, code };
}
