import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface TwoFactorRequiredProps {
  name: string;
  organizationName: string;
  /** The member's deadline, already formatted for people (UTC). */
  deadline: string;
  securityUrl: string;
  appName?: string;
}

function line({ organizationName, deadline, appName = DEFAULT_APP_NAME }: TwoFactorRequiredProps) {
  return `${organizationName} requires two-factor authentication on ${appName}. Set it up by ${deadline} to keep access to the organization.`;
}

/** Reminds a member that their organization requires two-factor authentication (its security page's "Remind"). */
export function TwoFactorRequired(props: TwoFactorRequiredProps) {
  const appName = props.appName ?? DEFAULT_APP_NAME;
  return (
    <EmailLayout
      preview={`${props.organizationName} requires two-factor authentication`}
      appName={appName}
      heading="Set up two-factor authentication"
    >
      <EmailParagraph>{greeting(props.name)}</EmailParagraph>
      <EmailParagraph>{line(props)}</EmailParagraph>
      <ActionLink url={props.securityUrl} label="Set up two-factor" />
    </EmailLayout>
  );
}

TwoFactorRequired.PreviewProps = {
  name: "Ada Lovelace",
  organizationName: "Analytical Engines",
  deadline: "1 January 2030 at 12:00 UTC",
  securityUrl: "http://localhost:3000/account/security",
} satisfies TwoFactorRequiredProps;

/** Plain-text part of TwoFactorRequired. */
export function twoFactorRequiredText(props: TwoFactorRequiredProps): string {
  return [
    greeting(props.name),
    "",
    line(props),
    "",
    "Set it up on your security page:",
    "",
    props.securityUrl,
    "",
  ].join("\n");
}
