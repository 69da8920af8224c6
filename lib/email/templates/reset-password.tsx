import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface ResetPasswordProps {
  name: string;
  url: string;
  appName?: string;
}

/** Sends the password-reset link. */
export function ResetPassword({ name, url, appName = DEFAULT_APP_NAME }: ResetPasswordProps) {
  return (
    <EmailLayout
      preview={`Reset your ${appName} password`}
      appName={appName}
      heading="Reset your password"
      footer="If you didn't ask to reset your password, ignore this email: your password stays the same."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Someone asked to reset the password of your {appName} account. Choose a new password with the link below; it
        works once and expires soon.
      </EmailParagraph>
      <ActionLink url={url} label="Reset password" />
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  name: "Ada Lovelace",
  url: "http://localhost:3000/api/auth/reset-password/preview-token?callbackURL=%2Freset-password",
} satisfies ResetPasswordProps;

/** Plain-text part of ResetPassword. */
export function resetPasswordText({ name, url, appName = DEFAULT_APP_NAME }: ResetPasswordProps): string {
  return [
    greeting(name),
    "",
    `Someone asked to reset the password of your ${appName} account. Choose a new password with this link;`,
    "it works once and expires soon:",
    "",
    url,
    "",
    "If you didn't ask to reset your password, ignore this email: your password stays the same.",
    "",
  ].join("\n");
}
