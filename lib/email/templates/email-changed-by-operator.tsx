import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface EmailChangedByOperatorProps {
  name: string;
  oldEmail: string;
  newEmail: string;
  /** Which of the two addresses this copy goes to. */
  recipient: "old" | "new";
  signInUrl: string;
  appName?: string;
}

/** Sent to both the old and the new address when an operator changes the address an account signs in with. */
export function EmailChangedByOperator(props: EmailChangedByOperatorProps) {
  const { name, signInUrl, appName = DEFAULT_APP_NAME } = props;
  return (
    <EmailLayout
      preview={`The email address of your ${appName} account was changed`}
      appName={appName}
      heading="Your email address was changed"
      footer="You are receiving this email because this address was, or now is, the address of your account."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>{changeSentence(props)}</EmailParagraph>
      <EmailParagraph>
        If you did not ask for this, reply to your administrator or contact support right away.
      </EmailParagraph>
      <ActionLink url={signInUrl} label={`Sign in to ${appName}`} />
    </EmailLayout>
  );
}

function changeSentence({ oldEmail, newEmail, recipient, appName = DEFAULT_APP_NAME }: EmailChangedByOperatorProps) {
  return recipient === "old"
    ? `An operator of ${appName} changed the email address of your account from ${oldEmail} to ${newEmail}. You sign in with ${newEmail} from now on.`
    : `An operator of ${appName} made ${newEmail} the email address of your account (it was ${oldEmail}). You sign in with this address from now on.`;
}

EmailChangedByOperator.PreviewProps = {
  name: "Ada Lovelace",
  oldEmail: "ada@old.example",
  newEmail: "ada@new.example",
  recipient: "old",
  signInUrl: "http://localhost:8787/sign-in",
} satisfies EmailChangedByOperatorProps;

/** Plain-text part of EmailChangedByOperator. */
export function emailChangedByOperatorText(props: EmailChangedByOperatorProps) {
  return [
    greeting(props.name),
    "",
    changeSentence(props),
    "",
    "If you did not ask for this, reply to your administrator or contact support right away.",
    "",
    props.signInUrl,
    "",
  ].join("\n");
}
