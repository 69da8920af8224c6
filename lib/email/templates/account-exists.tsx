import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface AccountExistsProps {
  name: string;
  signInUrl: string;
  resetUrl: string;
  appName?: string;
}

/**
 * Sent instead of a second account when someone signs up with an address that already has one: the sign-up form
 * answers the same either way (no account probing), and the owner of the address learns what to do.
 */
export function AccountExists({ name, signInUrl, resetUrl, appName = DEFAULT_APP_NAME }: AccountExistsProps) {
  return (
    <EmailLayout
      preview={`You already have a ${appName} account`}
      appName={appName}
      heading="You already have an account"
      footer="If you didn't try to sign up, ignore this email: nothing has changed."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Someone tried to create a {appName} account with this email address, but it already has one. Sign in instead; if
        you forgot your password, choose a new one.
      </EmailParagraph>
      <ActionLink url={signInUrl} label="Sign in" />
      <EmailParagraph>Forgot your password? {resetUrl}</EmailParagraph>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  name: "Ada Lovelace",
  signInUrl: "http://localhost:8787/sign-in",
  resetUrl: "http://localhost:8787/forgot-password",
} satisfies AccountExistsProps;

/** Plain-text part of AccountExists. */
export function accountExistsText({ name, signInUrl, resetUrl, appName = DEFAULT_APP_NAME }: AccountExistsProps) {
  return [
    greeting(name),
    "",
    `Someone tried to create a ${appName} account with this email address, but it already has one.`,
    "Sign in instead:",
    "",
    signInUrl,
    "",
    "Forgot your password? Choose a new one:",
    "",
    resetUrl,
    "",
    "If you didn't try to sign up, ignore this email: nothing has changed.",
    "",
  ].join("\n");
}
