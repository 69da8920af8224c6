import { ActionLink, DEFAULT_APP_NAME, EmailLayout, EmailParagraph, greeting } from "./layout";

export interface WebhookDisabledProps {
  name: string;
  /** The endpoint's URL. */
  url: string;
  /** Where it is managed (its delivery log). */
  manageUrl: string;
  /** When it started failing, already formatted for people (UTC). */
  failingSince: string;
  appName?: string;
}

/** Tells an endpoint's owners that it failed for a day and was turned off. */
export function WebhookDisabled({
  name,
  url,
  manageUrl,
  failingSince,
  appName = DEFAULT_APP_NAME,
}: WebhookDisabledProps) {
  return (
    <EmailLayout
      preview={`A webhook endpoint was disabled`}
      appName={appName}
      heading="A webhook endpoint was disabled"
      footer="You are receiving this email because you manage this webhook endpoint."
    >
      <EmailParagraph>{greeting(name)}</EmailParagraph>
      <EmailParagraph>
        Every delivery to {url} has failed since {failingSince}, so {appName} stopped sending to it. Events are kept:
        fix the endpoint, enable it again, and replay what it missed from its delivery log.
      </EmailParagraph>
      <ActionLink url={manageUrl} label="Open the endpoint" />
    </EmailLayout>
  );
}

WebhookDisabled.PreviewProps = {
  name: "Ada Lovelace",
  url: "https://product.example.com/webhooks",
  manageUrl: "http://localhost:8787/admin/webhooks/whe_1",
  failingSince: "1 March 2026, 09:30 UTC",
} satisfies WebhookDisabledProps;

/** Plain-text part of WebhookDisabled. */
export function webhookDisabledText({
  name,
  url,
  manageUrl,
  failingSince,
  appName = DEFAULT_APP_NAME,
}: WebhookDisabledProps) {
  return [
    greeting(name),
    "",
    `Every delivery to ${url} has failed since ${failingSince}, so ${appName} stopped sending to it. Events are kept: fix the endpoint, enable it again, and replay what it missed from its delivery log.`,
    "",
    manageUrl,
    "",
  ].join("\n");
}
