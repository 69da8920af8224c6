import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface EmailChangeRequestedProps {
  name: string;
  newEmail: string;
  /** The confirmation link (better-auth's change-email confirmation): only then does the new address get its link. */
  confirmUrl: string;
  resetUrl: string;
  appName?: string;
}

/**
 * Sent to the current address when someone signed in asks to move the account to a new one. Nothing changes until
 * this address confirms: a stolen session cannot move the account to an address its owner never sees.
 */
export function EmailChangeRequested({
  name,
  newEmail,
  confirmUrl,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: EmailChangeRequestedProps) {
  return (
    <EmailLayout
      preview={`Confirm the change of your ${appName} email address`}
      appName={appName}
      heading="Confirm your new email address"
      footer="You are receiving this email because it is the current address of your account."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Someone signed in to your {appName} account asked to change its email address to {newEmail}. If that was you,
        confirm it: we will then send a link to {newEmail}, and the change takes effect once that link is opened.
      </EmailParagraph>
      <ActionLink url={confirmUrl} label="Confirm the change" />
      <EmailParagraph>
        If this wasn't you, do not confirm: someone else may be using your account. Choose a new password right away.
      </EmailParagraph>
      <ActionLink url={resetUrl} label="Reset your password" />
    </EmailLayout>
  );
}

EmailChangeRequested.PreviewProps = {
  name: "Ada Lovelace",
  newEmail: "ada@new.example",
  confirmUrl: "http://localhost:8787/api/auth/verify-email?token=preview",
  resetUrl: "http://localhost:8787/forgot-password",
} satisfies EmailChangeRequestedProps;

/** Plain-text part of EmailChangeRequested. */
export function emailChangeRequestedText({
  name,
  newEmail,
  confirmUrl,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: EmailChangeRequestedProps) {
  return [
    greeting(name),
    "",
    `Someone signed in to your ${appName} account asked to change its email address to ${newEmail}.`,
    `If that was you, confirm it: we will then send a link to ${newEmail}, and the change takes effect once that link is opened.`,
    "",
    confirmUrl,
    "",
    "If this wasn't you, do not confirm: someone else may be using your account. Choose a new password right away.",
    "",
    resetUrl,
    "",
  ].join("\n");
}
