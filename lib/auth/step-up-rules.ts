// The step-up rule, shared by the plugin (server) and the "Confirm it's you" dialog (client): no imports.

/** The refusal code of a change that needs a sign-in from the last 15 minutes. */
export const FRESH_SIGN_IN_REQUIRED = "FRESH_SIGN_IN_REQUIRED";
/** How recent the sign-in behind a session must be for the sensitive changes. */
export const STEP_UP_MAX_AGE_MS = 15 * 60_000;
export const FRESH_SIGN_IN_MESSAGE =
  "For your security, confirm it's you: this change needs a sign-in from the last 15 minutes.";
