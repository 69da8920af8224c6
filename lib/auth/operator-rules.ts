// Numbers of the operator rules, shared by the policy plugin (server) and the console's forms (client): no imports.

/** An impersonation lasts at most this long (seconds), however the session is refreshed. */
export const IMPERSONATION_MAX_SECONDS = 60 * 60;
/** The shortest reason accepted for impersonating someone. */
export const IMPERSONATION_REASON_MIN = 10;
/** The longest reason kept with an audited action. */
export const REASON_MAX = 500;
