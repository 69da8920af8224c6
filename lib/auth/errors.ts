/** The error shape the better-auth client returns. */
export interface AuthClientError {
  code?: string | undefined;
  message?: string | undefined;
  status?: number | undefined;
  statusText?: string | undefined;
}

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Wrong email or password.",
  INVALID_PASSWORD: "Wrong password.",
  EMAIL_NOT_VERIFIED: "Verify your email address first: we have sent you a new link.",
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email address already exists.",
  PASSWORD_TOO_SHORT: "The password is too short: use at least 8 characters.",
  PASSWORD_TOO_LONG: "The password is too long: use at most 128 characters.",
  INVALID_TOKEN: "This link is invalid or has already been used. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  VERIFICATION_EMAIL_NOT_SENT:
    "Your account was created, but we could not send the verification email. Try resending it.",
  INVALID_EMAIL: "Enter a valid email address.",
  // Organizations (better-auth's organization plugin and lib/auth/plugins/organization-policy.ts).
  ORGANIZATION_SLUG_ALREADY_TAKEN: "This slug is taken. Choose another one.",
  ORGANIZATION_NOT_FOUND: "This organization no longer exists.",
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: "Already a member of this organization.",
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: "Already invited: resend the pending invitation instead.",
  INVITATION_NOT_FOUND: "This invitation is no longer valid: it was accepted, cancelled or has expired.",
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: "This invitation was sent to another email address.",
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION:
    "Verify your email address before answering this invitation.",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER:
    "You are the only owner. Transfer ownership to another member first.",
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER:
    "The organization would have no owner left. Transfer ownership to another member first.",
  ROLE_IS_ASSIGNED_TO_MEMBERS: "This role is still assigned to members. Give them another role first.",
  ROLE_NAME_IS_ALREADY_TAKEN: "A role with this name already exists.",
  // Second factor (better-auth's twoFactor plugin and our second-factor guard).
  INVALID_CODE: "That code is not right. Check your authenticator app (and your device's clock) and try again.",
  INVALID_BACKUP_CODE: "That backup code is not right, or it has already been used.",
  TOTP_CODE_ALREADY_USED: "This code has already been used. Wait for the next code from your authenticator app.",
  BACKUP_CODE_ALREADY_USED: "This backup code has already been used. Each backup code works only once.",
  OTP_HAS_EXPIRED: "This code has expired or was replaced by a newer one. Send a new code.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes for this sign-in. Sign in again with your password.",
  ACCOUNT_TEMPORARILY_LOCKED:
    "Too many wrong codes: two-factor sign-in for this account is locked for 15 minutes. Try again later.",
  INVALID_TWO_FACTOR_COOKIE: "This sign-in has expired. Sign in again with your password.",
  TOTP_ALREADY_ENABLED: "An authenticator app is already set up.",
  TWO_FACTOR_NOT_ENABLED: "Two-factor authentication is not turned on.",
  SESSION_EXPIRED: "For your security, sign in again before making this change.",
  // Operators (better-auth's admin plugin: its own messages are terse; our operator policy's are already plain).
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
  USER_NOT_FOUND: "This user no longer exists.",
  // Passkeys (@better-auth/passkey, its browser client, and lib/auth/plugins/passkeys.ts, passkey-policy.ts).
  AUTH_CANCELLED: "No passkey was used. Try again, or sign in another way.",
  ERROR_CEREMONY_ABORTED: "No passkey was used. Try again, or sign in another way.",
  REGISTRATION_CANCELLED: "Adding the passkey was cancelled. Nothing was changed.",
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED:
    "This device or password manager already holds a passkey for your account.",
  PREVIOUSLY_REGISTERED: "This device or password manager already holds a passkey for your account.",
  PASSKEY_NOT_FOUND: "This passkey is not registered here (it may have been removed). Sign in another way.",
  CHALLENGE_NOT_FOUND: "The passkey prompt expired. Try again.",
  AUTHENTICATION_FAILED: "The passkey could not be verified. Try again, or sign in another way.",
  FAILED_TO_VERIFY_REGISTRATION: "The passkey could not be verified. Try again.",
  // Our policy (lib/auth/plugins/endpoint-policy.ts, request-shape.ts).
  NOT_WHILE_IMPERSONATING:
    "You are impersonating this user: the session is read-only. Stop impersonating to make changes.",
};

const BANNED_FALLBACK = "This account has been suspended. Contact your administrator.";

/**
 * The console's one table of error words: every form, confirmation and server action words a code through it (the
 * client through `fromAuth`, actions through `apiFailure` in lib/actions/failure.ts). Codes our plugins raise with a
 * plain message of their own (lockout, rate limits, operator policy) are not listed: their message is shown.
 */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = MESSAGES;

/** Turns a better-auth error into a sentence for the person at the screen. */
export function describeAuthError(error: AuthClientError | null | undefined): string {
  if (!error) return "Something went wrong. Please try again.";
  // The server words the ban (until when): lib/auth/plugins/banned-message.ts.
  if (error.code === "BANNED_USER") return error.message || BANNED_FALLBACK;
  // By code first: a 429 from the two-factor lock has its own words.
  if (error.code && MESSAGES[error.code]) return MESSAGES[error.code] as string;
  // better-auth's own limiter answers 429 without a code; ours (invitations, lockout) word the wait themselves.
  if (error.status === 429 && !(error.code && error.message)) return "Too many attempts. Wait a minute and try again.";
  if (error.status && error.status >= 500) return "The server could not complete this request. Please try again.";
  return error.message || "Something went wrong. Please try again.";
}
