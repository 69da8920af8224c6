import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph } from "./layout";

export interface InvitationProps {
  inviterName: string;
  organizationName: string;
  role: string;
  url: string;
  expiresAt: Date | string | number;
  appName?: string;
}

/** "26 Nov 2026, 18:42 UTC": UTC so the text does not depend on the server's time zone. */
export function formatExpiry(expiresAt: Date | string | number): string {
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return String(expiresAt);
  const formatted = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
  return `${formatted} UTC`;
}

function article(role: string): string {
  return /^[aeiou]/i.test(role) ? "an" : "a";
}

/** Invites someone to join an organization. */
export function Invitation({
  inviterName,
  organizationName,
  role,
  url,
  expiresAt,
  appName = DEFAULT_APP_NAME,
}: InvitationProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to ${organizationName} on ${appName}`}
      appName={appName}
      heading={`Join ${organizationName} on ${appName}`}
      footer="If you weren't expecting this invitation, you can ignore this email."
    >
      <EmailParagraph>
        {inviterName} invited you to join {organizationName} on {appName} as {article(role)} {role}.
      </EmailParagraph>
      <ActionLink url={url} label="Accept invitation" />
      <EmailParagraph>This invitation expires on {formatExpiry(expiresAt)}.</EmailParagraph>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  inviterName: "Ada Lovelace",
  organizationName: "Analytical Engines",
  role: "admin",
  url: "http://localhost:3000/accept-invitation/preview-invitation-id",
  expiresAt: "2030-01-01T12:00:00.000Z",
} satisfies InvitationProps;

/** Plain-text part of Invitation. */
export function invitationText({
  inviterName,
  organizationName,
  role,
  url,
  expiresAt,
  appName = DEFAULT_APP_NAME,
}: InvitationProps): string {
  return [
    `${inviterName} invited you to join ${organizationName} on ${appName} as ${article(role)} ${role}.`,
    "",
    "Accept the invitation:",
    "",
    url,
    "",
    `This invitation expires on ${formatExpiry(expiresAt)}.`,
    "If you weren't expecting this invitation, you can ignore this email.",
    "",
  ].join("\n");
}
