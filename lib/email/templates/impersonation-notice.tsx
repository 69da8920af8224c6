import { DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface ImpersonationNoticeProps {
  name: string;
  operatorName: string;
  reason: string;
  /** When the operator started, already formatted for people (UTC). */
  startedAt: string;
  /** How long the access lasts at most, e.g. "1 hour". */
  duration: string;
  appName?: string;
}

/** Tells a user that an operator opened their account as them, when, for how long at most and why. */
export function ImpersonationNotice({
  name,
  operatorName,
  reason,
  startedAt,
  duration,
  appName = DEFAULT_APP_NAME,
}: ImpersonationNoticeProps) {
  return (
    <EmailLayout
      preview={`${operatorName} from ${appName} support signed in as you`}
      appName={appName}
      heading="Support accessed your account"
      footer="You don't need to do anything. If you did not ask for help, reply to your administrator."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        {operatorName} from {appName} support signed in to your account as you on {startedAt}. This access ends after at
        most {duration}.
      </EmailParagraph>
      <EmailParagraph>Reason given: {reason}</EmailParagraph>
      <EmailParagraph>
        While signed in as you, support cannot change your password, email address, two-factor settings or delete your
        account.
      </EmailParagraph>
    </EmailLayout>
  );
}

ImpersonationNotice.PreviewProps = {
  name: "Ada Lovelace",
  operatorName: "Grace Hopper",
  reason: "Checking the invoice page the customer reported as broken",
  startedAt: "14 May 2026, 09:30 UTC",
  duration: "1 hour",
} satisfies ImpersonationNoticeProps;

/** Plain-text part of ImpersonationNotice. */
export function impersonationNoticeText({
  name,
  operatorName,
  reason,
  startedAt,
  duration,
  appName = DEFAULT_APP_NAME,
}: ImpersonationNoticeProps) {
  return [
    greeting(name),
    "",
    `${operatorName} from ${appName} support signed in to your account as you on ${startedAt}.`,
    `This access ends after at most ${duration}.`,
    "",
    `Reason given: ${reason}`,
    "",
    "While signed in as you, support cannot change your password, email address, two-factor settings or delete your account.",
    "",
    "You don't need to do anything. If you did not ask for help, reply to your administrator.",
    "",
  ].join("\n");
}
