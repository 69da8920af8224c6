import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface TwoFactorResetProps {
  name: string;
  signInUrl: string;
  /** How many passkeys were removed with it. */
  passkeysRemoved?: number;
  appName?: string;
}

function passkeysLine(count = 0) {
  if (count === 0) return "";
  return ` Your ${count === 1 ? "passkey was" : `${count} passkeys were`} removed too.`;
}

/** Tells a user that an operator removed their two-factor authentication and signed them out everywhere. */
export function TwoFactorReset({ name, signInUrl, passkeysRemoved, appName = DEFAULT_APP_NAME }: TwoFactorResetProps) {
  return (
    <EmailLayout
      preview={`Two-factor authentication was turned off on your ${appName} account`}
      appName={appName}
      heading="Two-factor authentication was reset"
      footer="If you did not ask for this, contact your administrator right away."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        An administrator turned off two-factor authentication on your {appName} account and signed you out on every
        device.{passkeysLine(passkeysRemoved)} Sign in with your password, then turn two-factor authentication on again
        in your security settings.
      </EmailParagraph>
      <ActionLink url={signInUrl} label="Sign in" />
    </EmailLayout>
  );
}

TwoFactorReset.PreviewProps = {
  name: "Ada Lovelace",
  signInUrl: "http://localhost:8787/sign-in",
} satisfies TwoFactorResetProps;

/** Plain-text part of TwoFactorReset. */
export function twoFactorResetText({
  name,
  signInUrl,
  passkeysRemoved,
  appName = DEFAULT_APP_NAME,
}: TwoFactorResetProps) {
  return [
    greeting(name),
    "",
    `An administrator turned off two-factor authentication on your ${appName} account and signed you out on every device.${passkeysLine(passkeysRemoved)}`,
    "Sign in with your password, then turn two-factor authentication on again in your security settings:",
    "",
    signInUrl,
    "",
    "If you did not ask for this, contact your administrator right away.",
    "",
  ].join("\n");
}
