// The mails of an organization's own rules (issue 16): the two-factor reminder, the domain verification code, and
// invitations sent in bulk through Resend's batch endpoint. Names go through oneLine like every other sender.
import { createElement } from "react";
import { oneLine } from "@/lib/validations/text";
import { mailDate } from "./messages";
import { appNameOf, type MailSettings, sendEmail } from "./send";
import { DomainCode, domainCodeText } from "./templates/domain-code";
import { TwoFactorRequired, twoFactorRequiredText } from "./templates/two-factor-required";

export interface TwoFactorReminderMail {
  to: string;
  name: string;
  organizationName: string;
  deadline: Date;
  securityUrl: string;
}

/** Reminds a member that their organization requires two-factor authentication, with their deadline. */
export async function sendTwoFactorReminderMail(settings: MailSettings, mail: TwoFactorReminderMail) {
  const appName = appNameOf(settings);
  const props = {
    name: oneLine(mail.name),
    organizationName: oneLine(mail.organizationName),
    deadline: mailDate(mail.deadline),
    securityUrl: mail.securityUrl,
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `${props.organizationName} requires two-factor authentication`,
    react: createElement(TwoFactorRequired, props),
    text: twoFactorRequiredText(props),
  });
}

export interface DomainCodeMail {
  to: string;
  code: string;
  domain: string;
  organizationName: string;
  requesterName: string;
}

/** Mails the code that proves an organization's affiliation with a domain. */
export async function sendDomainCodeMail(settings: MailSettings, mail: DomainCodeMail) {
  const appName = appNameOf(settings);
  const props = {
    code: mail.code,
    domain: mail.domain,
    organizationName: oneLine(mail.organizationName),
    requesterName: oneLine(mail.requesterName),
    appName,
  };
  return sendEmail(settings, {
    to: mail.to,
    subject: `Your code to verify ${mail.domain}: ${mail.code}`,
    react: createElement(DomainCode, props),
    text: domainCodeText(props),
  });
}
