// Endpoint secrets and the Standard Webhooks signature (the `standardwebhooks` package signs; products verify with any
// Standard Webhooks library). Secrets are `whsec_` + 32 random bytes in base64, stored encrypted with
// BETTER_AUTH_SECRET (better-auth's symmetric encryption), and shown to people once.
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret, in the form Standard Webhooks libraries accept. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

export function encryptSecret(appSecret: string, secret: string): Promise<string> {
  return symmetricEncrypt({ key: appSecret, data: secret });
}

export function decryptSecret(appSecret: string, stored: string): Promise<string> {
  return symmetricDecrypt({ key: appSecret, data: stored });
}

/**
 * The three Standard Webhooks headers for one attempt. With a previous secret still in its grace period, the
 * signature header carries both signatures (space-separated), so a receiver on either secret verifies it.
 */
export function signedHeaders(eventId: string, at: Date, body: string, secrets: readonly string[]) {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, at, body));
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
