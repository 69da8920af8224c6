// Passkeys (@better-auth/passkey) held to the console's rules. The plugin registers, lists, renames, removes and
// signs in with passkeys; what it leaves open is decided here:
// - user verification is required on both ceremonies (the plugin asks only "preferred" when signing in, and verifies
//   with requireUserVerification false), so a passkey always stands for something the person has and is or knows:
//   a second factor on its own, and a fresh sign-in for step-up;
// - the signed response is checked against our own origin (BETTER_AUTH_URL), not the request's Origin header;
// - an account whose address is not verified is refused, as the password sign-in refuses it (a ban is refused by the
//   admin plugin when the session is created); the password lockout does not apply: a passkey cannot be guessed, and
//   it must stay the way in while someone is guessing the password. The per-IP rate limits apply (create-auth.ts);
// - with a session, a passkey of another account is refused (a step-up stays the same person), and after a password
//   with a second factor pending only that account's passkeys are offered; the rest is passkey-policy.ts.
import { getAuthenticatorName, passkey } from "@better-auth/passkey";
import { APIError } from "better-auth/api";
import type { Database } from "@/db/database";
import type { MailSettings } from "@/lib/email/send";
import { passkeyPolicy } from "./passkey-policy";

export { getAuthenticatorName };

export const PASSKEY_ERROR_MESSAGES = {
  PASSKEY_USER_NOT_VERIFIED:
    "Your device did not confirm it's you (fingerprint, face or PIN). Try again and unlock the passkey when asked.",
  PASSKEY_EMAIL_NOT_VERIFIED:
    "Verify your email address first: sign in with your password to get a new link, or open the one we sent you.",
} as const;

function refuse(code: keyof typeof PASSKEY_ERROR_MESSAGES, status: "UNAUTHORIZED" | "FORBIDDEN") {
  return APIError.from(status, { code, message: PASSKEY_ERROR_MESSAGES[code] });
}

export interface PasskeyPluginsOptions {
  db: Database;
  settings: MailSettings;
  appName: string;
  baseURL: string;
}

/** better-auth's passkey plugin configured for the console, and the policy around it. */
export function passkeyPlugins({ db, settings, appName, baseURL }: PasskeyPluginsOptions) {
  return [
    passkey({
      rpName: appName,
      // The relying party is the console's host; a response signed for another origin fails verification.
      rpID: new URL(baseURL).hostname,
      origin: baseURL,
      // Discoverable, so the sign-in page can offer passkeys without an email (autofill); verified, so it counts
      // as two factors.
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      registration: {
        afterVerification: async ({ verification }) => {
          if (!verification.registrationInfo?.userVerified) throw refuse("PASSKEY_USER_NOT_VERIFIED", "UNAUTHORIZED");
        },
      },
      authentication: {
        afterVerification: async ({ ctx, verification, clientData }) => {
          if (!verification.authenticationInfo.userVerified) {
            throw refuse("PASSKEY_USER_NOT_VERIFIED", "UNAUTHORIZED");
          }
          const found = await ctx.context.adapter.findOne<{ userId: string }>({
            model: "passkey",
            where: [{ field: "credentialID", value: String((clientData as { id?: unknown }).id) }],
          });
          const user = found ? await ctx.context.internalAdapter.findUserById(found.userId) : null;
          if (user && !user.emailVerified) throw refuse("PASSKEY_EMAIL_NOT_VERIFIED", "FORBIDDEN");
        },
      },
    }),
    passkeyPolicy({ db, settings, baseURL }),
  ] as const;
}
