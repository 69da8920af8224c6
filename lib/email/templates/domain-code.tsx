import { Text } from "@react-email/text";
import { DEFAULT_APP_NAME, EmailLayout, EmailParagraph, emailStyles } from "./layout";

export interface DomainCodeProps {
  code: string;
  domain: string;
  organizationName: string;
  requesterName: string;
  appName?: string;
}

function line({ domain, organizationName, requesterName, appName = DEFAULT_APP_NAME }: DomainCodeProps) {
  return `${requesterName} is verifying ${domain} for ${organizationName} on ${appName}. Give them this code to confirm that the organization belongs to ${domain}.`;
}

/** The code that proves an organization's affiliation with a domain, mailed to an address at that domain. */
export function DomainCode(props: DomainCodeProps) {
  return (
    <EmailLayout
      preview={`Your code to verify ${props.domain}: ${props.code}`}
      appName={props.appName ?? DEFAULT_APP_NAME}
      heading={`Verify ${props.domain}`}
      footer="If you don't know about this, don't share the code: nobody can verify the domain without it."
    >
      <EmailParagraph>{line(props)} It expires in 30 minutes.</EmailParagraph>
      <Text style={emailStyles.code}>{props.code}</Text>
    </EmailLayout>
  );
}

DomainCode.PreviewProps = {
  code: "123456",
  domain: "example.com",
  organizationName: "Analytical Engines",
  requesterName: "Ada Lovelace",
} satisfies DomainCodeProps;

/** Plain-text part of DomainCode. */
export function domainCodeText(props: DomainCodeProps): string {
  return [`${line(props)} It expires in 30 minutes.`, "", props.code, ""].join("\n");
}
