import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface VerifyEmailProps {
  name: string;
  url: string;
  appName?: string;
}

/** Asks a new user to confirm their email address. */
export function VerifyEmail({ name, url, appName = DEFAULT_APP_NAME }: VerifyEmailProps) {
  return (
    <EmailLayout
      preview={`Confirm your email address for ${appName}`}
      appName={appName}
      heading="Verify your email address"
      footer={`If you didn't create a ${appName} account, you can safely ignore this email.`}
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Confirm that this is your email address to finish setting up your {appName} account.
      </EmailParagraph>
      <ActionLink url={url} label="Verify email" />
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  name: "Ada Lovelace",
  url: "http://localhost:3000/api/auth/verify-email?token=preview-token&callbackURL=%2F",
} satisfies VerifyEmailProps;

/** Plain-text part of VerifyEmail. */
export function verifyEmailText({ name, url, appName = DEFAULT_APP_NAME }: VerifyEmailProps): string {
  return [
    greeting(name),
    "",
    `Confirm that this is your email address to finish setting up your ${appName} account:`,
    "",
    url,
    "",
    `If you didn't create a ${appName} account, you can safely ignore this email.`,
    "",
  ].join("\n");
}
