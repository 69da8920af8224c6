import { Text } from "@react-email/text";
import { DEFAULT_APP_NAME, EmailLayout, EmailParagraph, emailStyles, greeting } from "./layout";

export type OtpPurpose = "sign-in" | "two-factor" | "email-verification" | "forget-password";

export interface OtpProps {
  code: string;
  purpose: OtpPurpose;
  name?: string;
  appName?: string;
}

function purposeLine(purpose: OtpPurpose, appName: string): string {
  switch (purpose) {
    case "sign-in":
      return `Use this code to sign in to ${appName}.`;
    case "two-factor":
      return `Use this code to finish signing in to ${appName}.`;
    case "email-verification":
      return `Use this code to verify your email address for ${appName}.`;
    case "forget-password":
      return `Use this code to reset your ${appName} password.`;
  }
}

/** A one-time code (sign-in, two-factor, verification or password reset). */
export function Otp({ code, purpose, name, appName = DEFAULT_APP_NAME }: OtpProps) {
  return (
    <EmailLayout
      preview={`Your ${appName} code is ${code}`}
      appName={appName}
      heading="Your one-time code"
      footer="If you didn't ask for this code, you can ignore this email. Never share it with anyone."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>{purposeLine(purpose, appName)} It expires in a few minutes.</EmailParagraph>
      <Text style={emailStyles.code}>{code}</Text>
    </EmailLayout>
  );
}

Otp.PreviewProps = { code: "123456", purpose: "two-factor", name: "Ada Lovelace" } satisfies OtpProps;

/** Plain-text part of Otp. */
export function otpText({ code, purpose, name, appName = DEFAULT_APP_NAME }: OtpProps): string {
  return [
    greeting(name),
    "",
    `${purposeLine(purpose, appName)} It expires in a few minutes.`,
    "",
    code,
    "",
    "If you didn't ask for this code, you can ignore this email. Never share it with anyone.",
    "",
  ].join("\n");
}
