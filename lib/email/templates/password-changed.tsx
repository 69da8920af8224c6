import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface PasswordChangedProps {
  name: string;
  /** When the change happened, already formatted for people (UTC). */
  changedAt: string;
  /** Whether the other sessions of the account were signed out with the change. */
  otherSessionsRevoked: boolean;
  resetUrl: string;
  appName?: string;
}

function sessionsLine(otherSessionsRevoked: boolean) {
  return otherSessionsRevoked
    ? "Every other device signed in to your account was signed out."
    : "Devices already signed in to your account stay signed in.";
}

/** Tells the owner of an account that its password was changed from the account's security page. */
export function PasswordChanged({
  name,
  changedAt,
  otherSessionsRevoked,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: PasswordChangedProps) {
  return (
    <EmailLayout
      preview={`Your ${appName} password was changed`}
      appName={appName}
      heading="Your password was changed"
      footer="You are receiving this email because the password of your account changed."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        The password of your {appName} account was changed on {changedAt}. {sessionsLine(otherSessionsRevoked)}
      </EmailParagraph>
      <EmailParagraph>If this wasn't you, choose a new password right away:</EmailParagraph>
      <ActionLink url={resetUrl} label="Reset your password" />
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = {
  name: "Ada Lovelace",
  changedAt: "1 March 2026, 09:30 UTC",
  otherSessionsRevoked: true,
  resetUrl: "http://localhost:8787/forgot-password",
} satisfies PasswordChangedProps;

/** Plain-text part of PasswordChanged. */
export function passwordChangedText({
  name,
  changedAt,
  otherSessionsRevoked,
  resetUrl,
  appName = DEFAULT_APP_NAME,
}: PasswordChangedProps) {
  return [
    greeting(name),
    "",
    `The password of your ${appName} account was changed on ${changedAt}. ${sessionsLine(otherSessionsRevoked)}`,
    "",
    "If this wasn't you, choose a new password right away:",
    "",
    resetUrl,
    "",
  ].join("\n");
}
