// The words for a social sign-in that came back refused: better-auth redirects to the sign-in page (onAPIError in
// create-auth.ts) or the page that started a link with `?error=<code>`. No imports: the pages read it.

const WORDS: Record<string, string> = {
  account_not_linked:
    "An account with this email address already exists. Sign in with your password or passkey, then link this provider from your profile. (A provider account joins an existing one by itself only when the provider has verified the address and so have you.)",
  email_does_not_match: "That provider account has another email address than yours: it was not linked.",
  account_already_linked_to_different_user: "That provider account is already linked to another user.",
  unable_to_link_account:
    "That provider account could not be linked: the provider has not verified its email address, or your session ended. Nothing was changed.",
  email_not_verified:
    "The provider has not verified this email address. We have emailed you a link: open it, then continue with the provider again.",
  EMAIL_NOT_VERIFIED:
    "The provider has not verified this email address. We have emailed you a link: open it, then continue with the provider again.",
  email_not_found:
    "The provider did not share an email address, which this console needs. Allow it, or sign in another way.",
  state_mismatch: "This sign-in could not be completed: it expired or did not start in this browser. Try again.",
  please_restart_the_process:
    "This sign-in could not be completed: it expired or did not start in this browser. Try again.",
  invalid_code: "The provider's answer could not be used. Try again.",
  access_denied: "You cancelled the sign-in at the provider. Nothing was changed.",
  signup_disabled: "Sign-up through this provider is turned off.",
  BANNED_USER: "This account has been suspended. Contact your administrator.",
};

/** A sentence for a `?error=` code of a social sign-in or link (null when there is none). */
export function socialErrorMessage(code: string | undefined | null, description?: string | null): string | null {
  if (!code) return null;
  if (code === "BANNED_USER" && description) return description;
  return WORDS[code] ?? "The sign-in with that provider did not work. Try again, or sign in another way.";
}
