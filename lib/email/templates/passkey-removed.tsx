import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface PasskeyRemovedProps {
  name: string;
  /** The passkey's name, when it had one. */
  passkeyName: string | null;
  securityUrl: string;
  appName?: string;
}

function which(passkeyName: string | null) {
  return passkeyName ? `the passkey “${passkeyName}”` : "a passkey";
}

/** Tells a user that an operator removed one of their passkeys. */
export function PasskeyRemoved({ name, passkeyName, securityUrl, appName = DEFAULT_APP_NAME }: PasskeyRemovedProps) {
  return (
    <EmailLayout
      preview={`A passkey was removed from your ${appName} account`}
      appName={appName}
      heading="A passkey was removed"
      footer="If you did not ask for this, contact your administrator right away."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        An administrator removed {which(passkeyName)} from your {appName} account: it can no longer sign you in. Your
        other ways to sign in still work. You can add a new passkey in your security settings.
      </EmailParagraph>
      <ActionLink url={securityUrl} label="Open security settings" />
    </EmailLayout>
  );
}

PasskeyRemoved.PreviewProps = {
  name: "Ada Lovelace",
  passkeyName: "Work laptop",
  securityUrl: "http://localhost:8787/account/security",
} satisfies PasskeyRemovedProps;

/** Plain-text part of PasskeyRemoved. */
export function passkeyRemovedText({
  name,
  passkeyName,
  securityUrl,
  appName = DEFAULT_APP_NAME,
}: PasskeyRemovedProps) {
  return [
    greeting(name),
    "",
    `An administrator removed ${which(passkeyName)} from your ${appName} account: it can no longer sign you in.`,
    "Your other ways to sign in still work. You can add a new passkey in your security settings:",
    "",
    securityUrl,
    "",
    "If you did not ask for this, contact your administrator right away.",
    "",
  ].join("\n");
}
