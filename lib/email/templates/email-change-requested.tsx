import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface EmailChangeRequestedProps {
  name: string;
  newEmail: string;
  resetUrl: string;
  appName?: string;
}

/** Sent to the old address when someone asks to move the account to a new one (the new one gets the link). */
export function EmailChangeRequested({
  name,
  newEmail,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: EmailChangeRequestedProps) {
  return (
    <EmailLayout
      preview={`A change of your ${appName} email address was requested`}
      appName={appName}
      heading="Your email address is being changed"
      footer="You are receiving this email because it is the current address of your account."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Someone signed in to your {appName} account asked to change its email address to {newEmail}. The change takes
        effect once the link we sent to the new address is opened; until then nothing changes.
      </EmailParagraph>
      <EmailParagraph>
        If this wasn't you, someone else may be using your account: choose a new password right away.
      </EmailParagraph>
      <ActionLink url={resetUrl} label="Reset your password" />
    </EmailLayout>
  );
}

EmailChangeRequested.PreviewProps = {
  name: "Ada Lovelace",
  newEmail: "ada@new.example",
  resetUrl: "http://localhost:8787/forgot-password",
} satisfies EmailChangeRequestedProps;

/** Plain-text part of EmailChangeRequested. */
export function emailChangeRequestedText({
  name,
  newEmail,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: EmailChangeRequestedProps) {
  return [
    greeting(name),
    "",
    `Someone signed in to your ${appName} account asked to change its email address to ${newEmail}.`,
    "The change takes effect once the link we sent to the new address is opened; until then nothing changes.",
    "",
    "If this wasn't you, someone else may be using your account: choose a new password right away.",
    "",
    resetUrl,
    "",
  ].join("\n");
}
