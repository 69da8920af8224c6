import { defineRequestState } from "@better-auth/core/context";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, genericOAuth, organization, twoFactor } from "better-auth/plugins";
import { openAPI } from "better-auth/plugins/open-api";
import type { Database } from "@/db/database";
import * as schema from "@/db/schema";
import { keepAnOwner } from "@/lib/auth/keep-an-owner";
import { INVITATION_EXPIRES_IN_SECONDS, type OrgLimitSettings, orgLimits } from "@/lib/auth/org-limits";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { orgAccessControl, platformAc, platformRoles } from "@/lib/auth/permissions";
import { accountPlugins } from "@/lib/auth/plugins";
import { accountEvents, withSignInAudit } from "@/lib/auth/plugins/account-events";
import { organizationApiKeys, provisioningApiDescription } from "@/lib/auth/plugins/api-keys";
import { bannedUserMessage } from "@/lib/auth/plugins/banned-message";
import { domainJoin } from "@/lib/auth/plugins/domain-join";
import { endpointPolicy } from "@/lib/auth/plugins/endpoint-policy";
import { inputHygiene } from "@/lib/auth/plugins/input-hygiene";
import { IMPERSONATION_MAX_SECONDS, operatorPolicy } from "@/lib/auth/plugins/operator-policy";
import { organizationPolicy } from "@/lib/auth/plugins/organization-policy";
import { organizationTwoFactor } from "@/lib/auth/plugins/organization-two-factor";
import { ownerOnDelete } from "@/lib/auth/plugins/owner-on-delete";
import { passkeyPlugins } from "@/lib/auth/plugins/passkeys";
import { productTokens, type TokenSettings } from "@/lib/auth/plugins/product-tokens";
import { requestShape } from "@/lib/auth/plugins/request-shape";
import { securityPlugins } from "@/lib/auth/plugins/security";
import { consumeRateLimit } from "@/lib/auth/plugins/server-call-rate-limit";
import { sessionCacheScope } from "@/lib/auth/plugins/session-cache-scope";
import { signInMethods } from "@/lib/auth/plugins/sign-in-methods";
import { socialSignIn } from "@/lib/auth/plugins/social-sign-in";
import { webhookIntents } from "@/lib/auth/plugins/webhook-intents";
import { holdRateLimitCount } from "@/lib/auth/sign-in-rate-limit";
import { reuseSignInUser, withKeptUserByEmailRead } from "@/lib/auth/sign-in-user";
import { genericOAuthConfig, type SocialSettings, socialProviderOptions } from "@/lib/auth/social";
import {
  sendAccountExistsMail,
  sendEmailChangeRequestedMail,
  sendInvitationMail,
  sendOtpMail,
  sendPasswordResetMail,
  sendVerificationMail,
} from "@/lib/email/messages";
import { MailDeliveryError, type MailSettings } from "@/lib/email/send";

/** The settings better-auth needs; in the worker they come from the Cloudflare env (.dev.vars, secrets). */
export interface AuthSettings extends MailSettings, OrgLimitSettings, TokenSettings, SocialSettings {
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  APP_NAME?: string;
  /** "off" stops the mail telling a user that an operator is impersonating them. */
  IMPERSONATION_NOTICE?: string;
}

export const SESSION_EXPIRES_IN = 60 * 60 * 24 * 7; // 7 days
export const SESSION_UPDATE_AGE = 60 * 60 * 24; // refreshed at most once a day
/**
 * How long GET /api/auth/get-session may answer from the signed session_data cookie instead of D1. Only get-session
 * uses it (plugins/session-cache-scope.ts; the console's own reads bypass it), so a sign-out, revocation or ban stops
 * everything at once and get-session itself reports it within this minute. README, "Performance".
 */
export const SESSION_COOKIE_CACHE_SECONDS = 60;

/** Set when a mail better-auth asked us to send could not be delivered during this request. */
const mailFailure = defineRequestState<string | null>(() => null);

/** Sends mail, remembering a delivery failure for this request instead of losing it in a log. */
export async function deliver(send: () => Promise<unknown>) {
  try {
    await send();
  } catch (error) {
    const message = error instanceof MailDeliveryError ? error.message : String(error);
    console.error("mail delivery failed:", message);
    await mailFailure.set(message);
    throw error;
  }
}

/** Plain words for the client when the verification mail of a new account could not be sent. */
export const VERIFICATION_EMAIL_NOT_SENT = "VERIFICATION_EMAIL_NOT_SENT";

/**
 * Builds better-auth with every plugin option the project uses. The worker (lib/auth/server.ts), the schema
 * generator (db/auth.config.ts), the seed and the tests all call this, so they can never disagree.
 */
export function createAuth(db: Database, settings: AuthSettings) {
  const appName = settings.APP_NAME ?? "Gatehouse";
  if (!settings.BETTER_AUTH_URL || !settings.BETTER_AUTH_SECRET) {
    throw new Error("BETTER_AUTH_URL and BETTER_AUTH_SECRET must be set (.dev.vars locally, secrets in production).");
  }
  const baseURL = settings.BETTER_AUTH_URL.replace(/\/+$/, "");
  const limits = orgLimits(settings);

  return betterAuth({
    appName,
    baseURL,
    secret: settings.BETTER_AUTH_SECRET,
    trustedOrigins: [baseURL],
    // A password sign-in's reads of its user ride with the lockout claim and are reused (sign-in-user.ts), and a new
    // session's insert carries its sign-in's audit batch (plugins/account-events.ts).
    database: keepAnOwner(
      db,
      reuseSignInUser(drizzleAdapter(withSignInAudit(withKeptUserByEmailRead(db)), { provider: "sqlite", schema })),
    ),
    // Google and GitHub when their client id and secret are set (lib/auth/social.ts); the OpenID provider is a plugin.
    socialProviders: socialProviderOptions(settings, baseURL),
    account: {
      accountLinking: {
        enabled: true,
        // No provider is trusted by name: a provider account joins an existing one only when the provider verified
        // the address and the existing account's address is verified too (a pre-registered, unverified account is
        // never taken over), and only with the same address.
        trustedProviders: [],
        requireLocalEmailVerified: true,
        allowDifferentEmails: false,
      },
    },
    // Where a failed social sign-in lands (?error=<code>): the sign-in page words it.
    onAPIError: { errorURL: `${baseURL}/sign-in` },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // scrypt at the interactive cost in a versioned format; older better-auth hashes still verify (password.ts).
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      // better-auth answers a sign-up for an existing address like a new one (no account probing); the owner of
      // the address gets this mail instead, so a real person is never left wondering.
      onExistingUserSignUp: async ({ user }) =>
        deliver(() =>
          sendAccountExistsMail(settings, {
            to: user.email,
            name: user.name,
            signInUrl: `${baseURL}/sign-in?email=${encodeURIComponent(user.email)}`,
            resetUrl: `${baseURL}/forgot-password`,
          }),
        ),
      sendResetPassword: async ({ user, url }) =>
        deliver(() => sendPasswordResetMail(settings, { to: user.email, name: user.name, url })),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) =>
        deliver(() => sendVerificationMail(settings, { to: user.email, name: user.name, url })),
    },
    user: {
      changeEmail: {
        enabled: true,
        // A verified address confirms the move before the new one gets its link (sendVerificationEmail), so a stolen
        // session cannot move the account to an address its owner never sees; /change-email also needs a fresh
        // sign-in (registry). An unverified address has nothing to protect and changes directly.
        sendChangeEmailConfirmation: async ({ user, newEmail, url }) =>
          deliver(() =>
            sendEmailChangeRequestedMail(settings, {
              to: user.email,
              name: user.name,
              newEmail,
              confirmUrl: url,
              resetUrl: `${baseURL}/forgot-password`,
            }),
          ),
      },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN,
      updateAge: SESSION_UPDATE_AGE,
      // Pages take their claim from it (lib/auth/server.ts confirms it on D1 in the page's one call), and an open
      // console renews it before it expires (components/shell/session-keeper.tsx); get-session answers from it.
      cookieCache: { enabled: true, maxAge: SESSION_COOKIE_CACHE_SECONDS, strategy: "compact" },
      // How this session signed in (lib/auth/sign-in-methods.ts), set by better-auth's session hooks, never by a client.
      additionalFields: { signInMethods: { type: "string", required: false, input: false } },
    },
    rateLimit: {
      enabled: true,
      // Isolate memory is per isolate on Workers, i.e. useless: counters live in D1's `rate_limit`, counted by one
      // upsert per request (better-auth's "database" storage reads, then writes: two D1 calls on every endpoint but
      // get-session, about 0.5 ms of CPU each). The same rows and keys as server-side calls (server-call-rate-limit.ts);
      // the cron prunes them (lib/webhooks/cron.ts).
      customStorage: {
        consume: async (key, rule) => {
          // A password sign-in's count goes in its lockout claim's D1 call (sign-in-rate-limit.ts).
          const settle = () => consumeRateLimit(db, key, rule);
          if (await holdRateLimitCount({ key, rule, settle })) return { allowed: true, retryAfter: null };
          const result = await settle();
          return result.allowed ? { allowed: true, retryAfter: null } : result;
        },
      },
      window: 60,
      max: 120,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
        "/send-verification-email": { window: 60, max: 5 },
        "/two-factor/*": { window: 60, max: 10 },
        // Passkey sign-in is not held by the password lockout (plugins/passkeys.ts): per client address only.
        "/passkey/generate-authenticate-options": { window: 60, max: 20 },
        "/passkey/verify-authentication": { window: 60, max: 10 },
        // A read that proves nothing by repetition; counting it would double its D1 cost.
        "/get-session": false,
      },
    },
    advanced: {
      // On whatever NODE_ENV says (better-auth skips the Origin and callbackURL checks when it looks like "test").
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
      // Session and user in one joined D1 query instead of two.
      database: { joins: true },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const failure = await mailFailure.get();
        if (failure) {
          throw new APIError("BAD_GATEWAY", {
            code: VERIFICATION_EMAIL_NOT_SENT,
            message: "Your account was created, but we could not send the verification email. Try resending it.",
          });
        }
      }),
    },
    plugins: [
      // First, so no hook below reads a session from the cookie cache outside get-session.
      sessionCacheScope(),
      // Then ids of the one shape every rule and better-auth read alike, and what the registry refuses outright
      // (unclassified endpoints; what an impersonation session may not do), before any other rule runs.
      requestShape({ db }),
      endpointPolicy({ db }),
      inputHygiene(), // before every other hook: they and the endpoints see checked, normalized names
      // An organization's required two-factor, before any organization rule counts or changes anything.
      organizationTwoFactor({ db }),
      organization({
        ...orgAccessControl,
        membershipLimit: limits.members,
        organizationLimit: limits.perUser,
        invitationLimit: limits.pendingInvitations,
        teams: {
          enabled: true,
          maximumTeams: limits.teams,
          defaultTeam: { enabled: false },
          allowRemovingAllTeams: true,
        },
        invitationExpiresIn: INVITATION_EXPIRES_IN_SECONDS,
        sendInvitationEmail: async ({ id, email, role, organization: org, inviter, invitation }) =>
          deliver(() =>
            sendInvitationMail(settings, {
              to: email,
              inviterName: inviter.user.name,
              organizationName: org.name,
              role,
              url: `${baseURL}/accept-invitation/${id}`,
              expiresAt: invitation.expiresAt,
            }),
          ),
      }),
      admin({
        ac: platformAc,
        roles: platformRoles,
        defaultRole: "user",
        adminRoles: ["admin"],
        impersonationSessionDuration: IMPERSONATION_MAX_SECONDS,
        bannedUserMessage,
      }),
      ...securityPlugins({ db }),
      operatorPolicy({ db, settings, baseURL }),
      twoFactor({
        issuer: appName,
        otpOptions: {
          sendOTP: async ({ user, otp }) =>
            deliver(() => sendOtpMail(settings, { to: user.email, name: user.name, code: otp })),
        },
      }),
      // After twoFactor: its after hook reads the session the two-factor hook kept (a trusted device).
      signInMethods({ db }),
      organizationPolicy({ db, limits }),
      domainJoin({ db, limits }),
      ownerOnDelete({ db }),
      ...passkeyPlugins({ db, settings, appName, baseURL }),
      // The OpenID provider (discovery at start-up, only when configured) and what we add to every social sign-in.
      genericOAuth({ config: genericOAuthConfig(settings, baseURL) }),
      socialSignIn({ db, baseURL }),
      ...accountPlugins({ db, settings, baseURL }),
      // After every policy plugin: a request they refuse leaves no outbox intent (lib/webhooks/intents.ts).
      webhookIntents({ db }),
      accountEvents({ db }),
      ...productTokens({ settings, baseURL }),
      // Organization API keys: storage, hashing, expiry and per-key rate limits; its endpoints are ours to call only.
      organizationApiKeys(),
      // The schema only (GET /open-api/generate-schema, staff): the /reference page loads Scalar from a CDN, which
      // neither works offline nor passes the CSP.
      openAPI({ disableDefaultReference: true }),
      provisioningApiDescription(),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type Session = Auth["$Infer"]["Session"];
