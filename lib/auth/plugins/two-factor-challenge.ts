// What the /two-factor page needs to know about the pending sign-in challenge, read from better-auth's own signed
// `two_factor` cookie: whether there is one, and which second factors the user can answer it with.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint } from "better-auth/api";
import { TWO_FACTOR_COOKIE } from "./second-factor-guard";

export type SecondFactorMethod = "totp" | "otp";

export interface TwoFactorChallenge {
  pending: boolean;
  methods: SecondFactorMethod[];
  /** Backup codes exist only for users who set up an authenticator app. */
  backupCodes: boolean;
  /** The account has a passkey, which answers the challenge too (plugins/passkey-policy.ts). */
  passkey: boolean;
}

const NONE: TwoFactorChallenge = { pending: false, methods: [], backupCodes: false, passkey: false };

/** Adds the server-only `auth.api.getTwoFactorChallenge({ headers })`. */
export function twoFactorChallenge() {
  return {
    id: "two-factor-challenge",
    endpoints: {
      getTwoFactorChallenge: createAuthEndpoint.serverOnly(
        { method: "GET", requireHeaders: true },
        async (ctx): Promise<TwoFactorChallenge> => {
          const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
          const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
          if (!identifier) return NONE;
          const challenge = await ctx.context.internalAdapter.findVerificationValue(identifier);
          if (!challenge || new Date(challenge.expiresAt).getTime() <= Date.now()) return NONE;
          const secret = await ctx.context.adapter.findOne<{ verified: boolean | null }>({
            model: "twoFactor",
            where: [{ field: "userId", value: challenge.value }],
          });
          const totp = !!secret && secret.verified !== false;
          const passkeys = await ctx.context.adapter.count({
            model: "passkey",
            where: [{ field: "userId", value: challenge.value }],
          });
          // Email codes are offered to every user with two-factor on (the plugin has `otpOptions.sendOTP`).
          return { pending: true, methods: totp ? ["totp", "otp"] : ["otp"], backupCodes: totp, passkey: passkeys > 0 };
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
