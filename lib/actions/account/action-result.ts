/** What an account action returns to its form: a sentence to show either way. */
export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

/** The plain message for a failure we did not foresee (the details go to the log, not the screen). */
export const UNEXPECTED_ERROR = "Something went wrong. Please try again.";
