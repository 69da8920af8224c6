// What the console adds to better-auth's social sign-in (Google, GitHub, the OpenID provider; lib/auth/social.ts):
// - an account with two-factor is asked for it after a social sign-in too: better-auth challenges only password,
//   username and phone sign-ins, so the session the callback created is ended and the same challenge better-auth's
//   twoFactor plugin sets after a password is set instead (its trusted-device cookie honoured), and /two-factor asks;
// - a social sign-in from a browser already signed in to that account is a step-up ("Confirm it's you" through the
//   provider): the session it replaces is ended, as after a password step-up;
// - audit rows for social sign-ins and for linked and unlinked provider accounts.
// Who may link what is better-auth's (account.accountLinking in create-auth.ts): an existing account is linked only
// when the provider verified the address and the local address is verified, and never to another user.
import { defineRequestState } from "@better-auth/core/context";
import { createHMAC } from "@better-auth/utils/hmac";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { deleteSessionCookie, expireCookie } from "better-auth/cookies";
import { generateRandomString } from "better-auth/crypto";
import type { Database } from "@/db/database";
import { auditActor, recordAudit, requestOrigin } from "@/lib/audit";
import { TWO_FACTOR_COOKIE } from "./second-factor-guard";

const TRUST_DEVICE_COOKIE = "trust_device";
/** better-auth's two-factor challenge lasts 10 minutes (twoFactorCookieMaxAge). */
const CHALLENGE_SECONDS = 600;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** The user a social sign-up created in this request (a database hook sees it; the after hook reads it). */
const createdUser = defineRequestState<string | null>(() => null);
/** The provider of the account an unlink request names (read before better-auth deletes it). */
const unlinking = defineRequestState<string | null>(() => null);

function locationOf(returned: unknown): string | null {
  if (!isAPIError(returned) || returned.statusCode !== 302) return null;
  return new Headers(returned.headers).get("location");
}

/** Whether this browser holds a valid trusted-device cookie for the user (checked as better-auth checks it). */
async function trustedDevice(ctx: HookContext, userId: string) {
  const cookie = ctx.context.createAuthCookie(TRUST_DEVICE_COOKIE);
  const value = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  const [token, identifier] = typeof value === "string" ? value.split("!") : [];
  if (!token || !identifier) return false;
  const expected = await createHMAC("SHA-256", "base64urlnopad").sign(ctx.context.secret, `${userId}!${identifier}`);
  if (token !== expected) return false;
  const record = await ctx.context.internalAdapter.findVerificationValue(identifier);
  return !!record && record.value === userId && new Date(record.expiresAt).getTime() > Date.now();
}

/** Ends the session a callback just created and sets better-auth's two-factor challenge for the user instead. */
async function challengeInstead(ctx: HookContext, userId: string, sessionToken: string) {
  deleteSessionCookie(ctx, true);
  await ctx.context.internalAdapter.deleteSession(sessionToken);
  ctx.context.setNewSession(null);
  const identifier = `2fa-${generateRandomString(20)}`;
  const expiresAt = new Date(Date.now() + CHALLENGE_SECONDS * 1000);
  await ctx.context.internalAdapter.createVerificationValue({ value: userId, identifier, expiresAt });
  await ctx.context.internalAdapter.createVerificationValue({
    value: "0",
    identifier: `2fa-attempts-${identifier}`,
    expiresAt,
  });
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE, { maxAge: CHALLENGE_SECONDS });
  await ctx.setSignedCookie(cookie.name, identifier, ctx.context.secret, cookie.attributes);
}

/** A same-origin path to carry to /two-factor as `next` (the console checks it again with safeNext). */
function nextPath(location: string, baseURL: string) {
  try {
    const url = new URL(location, baseURL);
    return url.origin === new URL(baseURL).origin ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

export interface SocialSignInOptions {
  db: Database;
  baseURL: string;
}

/** better-auth plugin: the second factor after a social sign-in, social step-up, and the audit rows. */
export function socialSignIn({ db, baseURL }: SocialSignInOptions) {
  return {
    id: "social-sign-in",
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              create: {
                async after(user) {
                  await createdUser.set(user.id);
                },
              },
            },
            account: {
              create: {
                async after(account, ctx) {
                  if (account.providerId === "credential") return;
                  const newUser = (await createdUser.get()) === account.userId;
                  await recordAudit(db, {
                    action: "user.account.link",
                    actorUserId: account.userId,
                    targetUserId: account.userId,
                    metadata: { providerId: account.providerId, newUser },
                    ...requestOrigin(ctx?.headers ?? ctx?.request?.headers),
                  });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/unlink-account",
          handler: createAuthMiddleware(async (ctx) => {
            const id = (ctx.body as { accountId?: unknown } | undefined)?.accountId;
            if (typeof id !== "string") return;
            const found = await ctx.context.adapter.findOne<{ providerId: string }>({
              model: "account",
              where: [{ field: "id", value: id }],
            });
            await unlinking.set(found?.providerId ?? null);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/callback/:id",
          handler: createAuthMiddleware(async (ctx) => {
            const created = ctx.context.newSession;
            const location = locationOf(ctx.context.returned);
            if (!created || !location) return;
            const providerId = String(ctx.params?.id ?? "");
            const { user, session } = created;

            // The browser's previous session of the same person: this sign-in confirmed it's them (step-up).
            const cookieName = ctx.context.authCookies.sessionToken.name;
            const previousToken = await ctx.getSignedCookie(cookieName, ctx.context.secret);
            const previous = previousToken ? await ctx.context.internalAdapter.findSession(previousToken) : null;
            const stepUp = previous?.session.userId === user.id && previous.session.token !== session.token;

            const secondFactor = Boolean((user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled);
            const challenged = secondFactor && !(await trustedDevice(ctx, user.id));
            await recordAudit(db, {
              action: "user.sign_in.social",
              ...auditActor({ user, session }),
              targetUserId: user.id,
              metadata: {
                providerId,
                newUser: (await createdUser.get()) === user.id,
                stepUp,
                secondFactorPending: challenged,
              },
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            });
            if (stepUp && previous) await ctx.context.internalAdapter.deleteSession(previous.session.token);
            if (!challenged) return;
            await challengeInstead(ctx, user.id, session.token);
            if (stepUp) expireCookie(ctx, ctx.context.authCookies.sessionToken);
            const next = nextPath(location, baseURL);
            throw ctx.redirect(`${baseURL}/two-factor${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/unlink-account",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            const session = ctx.context.session;
            if (!session || isAPIError(returned) || (returned instanceof Response && !returned.ok)) return;
            await recordAudit(db, {
              action: "user.account.unlink",
              ...auditActor(session),
              targetUserId: session.user.id,
              metadata: { providerId: await unlinking.get() },
              ...requestOrigin(ctx.headers ?? ctx.request?.headers),
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
