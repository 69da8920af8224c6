// Per-account lockout for passwords: 10 wrong passwords within 15 minutes, from any number of addresses, lock the
// email address for 15 minutes. Every endpoint that takes a password counts: sign-in, and the ones that check the
// current password of a signed-in user (change password, verify password, two-factor settings, deletion), so a stale
// or stolen session cannot guess the password either, and a locked account is refused there too. better-auth's rate limiter counts per client address only, so an attacker with
// many addresses would never meet it; this counts per account, in D1 (`sign_in_lockout`), shared by every isolate.
//
// How: before better-auth checks the password, the attempt is claimed in one atomic upsert (so concurrent attempts
// are all counted and at most 10 passwords are ever checked per window, however many arrive at once). A wrong
// password leaves its claim counted; a right one clears the row; any other outcome (unverified address, ban, bad
// input) gives the claim back. While locked, every attempt gets the same answer without the password being looked
// at, so the answer never tells whether the password was right, nor whether the address has an account.
import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { and, eq, gt, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { twoFactor } from "@/db/schema";
import { auditActor, auditInsert, requestOrigin } from "@/lib/audit";
import { REASON_MAX } from "@/lib/auth/operator-rules";
import { hasPlatformRole } from "@/lib/auth/permissions";
import { rateLimitDecision, rateLimitStatement } from "@/lib/auth/plugins/server-call-rate-limit";
import { keepSessionStart, sessionStartByEmail } from "@/lib/auth/session-start";
import {
  ACCOUNT_LOCKED,
  claimAttempt,
  claimDecision,
  claimStatement,
  clearLockout,
  LOCKOUT_MAX_FAILURES,
  lockedMessage,
  lockedUntil,
  recordFailure,
  releaseAttempt,
} from "@/lib/auth/sign-in-lockout";
import { rateLimitRefusal, takeHeldRateLimitCount } from "@/lib/auth/sign-in-rate-limit";
import { keepUserByEmailRead } from "@/lib/auth/sign-in-user";

export {
  ACCOUNT_LOCKED,
  type Claim,
  claimAttempt,
  clearLockout,
  LOCKOUT_DURATION_MS,
  LOCKOUT_MAX_FAILURES,
  LOCKOUT_WINDOW_MS,
  lockedMessage,
  lockedUntil,
  lockoutKey,
  recordFailure,
  releaseAttempt,
} from "@/lib/auth/sign-in-lockout";

function lockedError(lockedUntil: Date) {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 1000));
  return new APIError(
    "LOCKED",
    { code: ACCOUNT_LOCKED, message: lockedMessage(lockedUntil) },
    { "X-Retry-After": String(seconds) },
  );
}

/** Endpoints of a signed-in user that check the current password, and the body field that holds it. */
export const CURRENT_PASSWORD_FIELDS: Record<string, string> = {
  "/change-password": "currentPassword",
  "/verify-password": "password",
  "/two-factor/enable": "password",
  "/two-factor/disable": "password",
  "/two-factor/get-totp-uri": "password",
  "/two-factor/generate-backup-codes": "password",
  "/delete-user": "password",
};

/** The refusal code of a wrong password: at sign-in (which does not say which part was wrong), and elsewhere. */
function wrongPasswordCode(path: string) {
  return path === "/sign-in/email" ? "INVALID_EMAIL_OR_PASSWORD" : "INVALID_PASSWORD";
}

const COUNTED_PATHS = new Set(["/sign-in/email", ...Object.keys(CURRENT_PASSWORD_FIELDS)]);

/** The address this request claimed an attempt for, for the after hook. */
const claimedAttempt = defineRequestState<{ email: string; attempt: number } | null>(() => null);
/** The user whose password this reset request sets (read before better-auth consumes the token). */
const resettingUser = defineRequestState<string | null>(() => null);

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string") return null;
  // better-auth refuses a malformed address before looking at anything (INVALID_EMAIL): nothing to count.
  return z.email().safeParse(email).success ? email : null;
}

/**
 * For a hook that records the session a counted request creates (plugins/account-events.ts): the session means the
 * password was right, so this request's claimed attempt is cleared by the statement returned here, in that hook's
 * batch, instead of in a D1 call of its own after the endpoint; the after hook then finds no claim left. Empty when
 * this request claimed nothing. (A list, not the statement itself: an async function's result is awaited, and
 * awaiting a Drizzle statement runs it.)
 */
export async function takeLockoutClear(db: Database) {
  if (!(await hasRequestState())) return [];
  const claim = await claimedAttempt.get();
  if (!claim) return [];
  await claimedAttempt.set(null);
  return [clearLockout(db, claim.email)];
}

export const ACCOUNT_LOCKOUT_ERROR_CODES = {
  ACCOUNT_LOCKED: "Too many failed sign-in attempts. Try again later or reset your password.",
  NOT_ALLOWED_TO_UNLOCK: "Only operators can unlock accounts.",
} as const;

export interface AccountLockoutOptions {
  db: Database;
}

/** better-auth plugin: the per-account lockout (see the top of this file) and `POST /admin/unlock-user`. */
export function accountLockout({ db }: AccountLockoutOptions) {
  return {
    id: "account-lockout",
    $ERROR_CODES: Object.fromEntries(
      Object.entries(ACCOUNT_LOCKOUT_ERROR_CODES).map(([code, message]) => [code, { code, message }]),
    ) as { [K in keyof typeof ACCOUNT_LOCKOUT_ERROR_CODES]: { code: K; message: string } },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx.body);
            if (!email) return;
            // One D1 call: the rate limiter's count when it was held for this (lib/auth/sign-in-rate-limit.ts),
            // the claim, the session-start reads, so a right password then creates its session without a call of
            // its own (lib/auth/session-start.ts), and better-auth's read of the account, which it then finds kept
            // (lib/auth/sign-in-user.ts).
            const now = Date.now();
            const count = await takeHeldRateLimitCount();
            const reads = [claimStatement(db, email, now), ...sessionStartByEmail(db, email)] as const;
            const [counted, claimed, ...start] = count
              ? await db.batch([rateLimitStatement(db, count.key, count.rule, now), ...reads])
              : [null, ...(await db.batch(reads))];
            if (count && counted) {
              const verdict = await rateLimitDecision(db, count.key, count.rule, now, counted);
              if (!verdict.allowed) {
                if (claimed.length > 0) await releaseAttempt(db, email); // refused: this attempt is not one
                throw rateLimitRefusal(verdict.retryAfter);
              }
            }
            await keepSessionStart(start);
            await keepUserByEmailRead(reads[3], start[2]);
            const claim = await claimDecision(db, email, now, claimed);
            if (claim.lockedUntil) throw lockedError(claim.lockedUntil);
            await claimedAttempt.set({ email, attempt: claim.attempt });
          }),
        },
        {
          matcher: (ctx) => Object.hasOwn(CURRENT_PASSWORD_FIELDS, ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const field = CURRENT_PASSWORD_FIELDS[ctx.path] as string;
            const password = (ctx.body as Record<string, unknown> | undefined)?.[field];
            if (typeof password !== "string" || password === "") return; // no guess: the endpoint refuses it
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (!session) return;
            const claim = await claimAttempt(db, session.user.email);
            if (claim.lockedUntil) throw lockedError(claim.lockedUntil);
            await claimedAttempt.set({ email: session.user.email, attempt: claim.attempt });
          }),
        },
        {
          // The lock message says "or reset your password": a completed reset lifts the lock.
          matcher: (ctx) => ctx.path === "/reset-password",
          handler: createAuthMiddleware(async (ctx) => {
            const token = (ctx.body as { token?: unknown } | undefined)?.token ?? ctx.query?.token;
            if (typeof token !== "string" || !token) return;
            const found = await ctx.context.internalAdapter.findVerificationValue(`reset-password:${token}`);
            if (found) await resettingUser.set(found.value);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => COUNTED_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const claim = await claimedAttempt.get();
            if (!claim) return;
            await claimedAttempt.set(null);
            const { email } = claim;
            const returned = ctx.context.returned;
            const refused = isAPIError(returned) || (returned instanceof Response && !returned.ok);
            if (!refused) {
              // The password was right (a pending second factor included): the count starts again.
              await clearLockout(db, email);
              return;
            }
            const code = isAPIError(returned) ? returned.body?.code : null;
            if (code !== wrongPasswordCode(ctx.path)) {
              await releaseAttempt(db, email);
              return;
            }
            const locked = await recordFailure(db, email);
            if (!locked || claim.attempt !== LOCKOUT_MAX_FAILURES) return;
            // The attempt that spends the budget (the 10th) already gets the lock's answer, so the person typing
            // learns now, not at the next try; attempts 1-9 always get the plain one, even when others in flight
            // lock the address meanwhile. Over HTTP it is a Response: better-auth answers an error raised in an after hook
            // with the status of the original error (401). A server-side auth.api call gets the error itself.
            const error = lockedError(locked);
            if (!ctx.request) throw error;
            const headers = new Headers(error.headers);
            headers.set("content-type", "application/json");
            return new Response(JSON.stringify(error.body), { status: error.statusCode, headers });
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/reset-password",
          handler: createAuthMiddleware(async (ctx) => {
            const userId = await resettingUser.get();
            if (!userId || isAPIError(ctx.context.returned)) return;
            const user = await ctx.context.internalAdapter.findUserById(userId);
            if (user) await clearLockout(db, user.email);
          }),
        },
      ],
    },
    endpoints: {
      /**
       * POST /admin/unlock-user `{ userId, reason? }` (operators): lifts the sign-in lock of the user's address and
       * better-auth's two-factor lock, with the audit row in the same batch.
       */
      unlockUser: createAuthEndpoint(
        "/admin/unlock-user",
        {
          method: "POST",
          body: z.object({ userId: z.string().min(1), reason: z.string().max(REASON_MAX).optional() }),
          metadata: { openapi: { operationId: "unlockUser", summary: "Lift a user's sign-in lockout" } },
        },
        async (ctx) => {
          const session = await getSessionFromCtx(ctx);
          if (!session) throw APIError.fromStatus("UNAUTHORIZED");
          if (!hasPlatformRole((session.user as { role?: string | null }).role, "admin")) {
            throw APIError.from("FORBIDDEN", {
              code: "NOT_ALLOWED_TO_UNLOCK",
              message: ACCOUNT_LOCKOUT_ERROR_CODES.NOT_ALLOWED_TO_UNLOCK,
            });
          }
          const target = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!target) throw APIError.from("NOT_FOUND", { code: "USER_NOT_FOUND", message: "User not found" });
          const now = new Date();
          const [passwordLock, secondFactor] = await Promise.all([
            lockedUntil(db, target.email),
            db
              .select({ lockedUntil: twoFactor.lockedUntil })
              .from(twoFactor)
              .where(and(eq(twoFactor.userId, target.id), gt(twoFactor.lockedUntil, now))),
          ]);
          const secondFactorLock = secondFactor[0]?.lockedUntil ?? null;
          await db.batch([
            clearLockout(db, target.email),
            db
              .update(twoFactor)
              .set({ failedVerificationCount: 0, lockedUntil: null })
              .where(
                and(
                  eq(twoFactor.userId, target.id),
                  or(isNotNull(twoFactor.lockedUntil), gt(twoFactor.failedVerificationCount, 0)),
                ),
              ),
            auditInsert(db, {
              action: "user.unlock",
              ...auditActor(session),
              targetUserId: target.id,
              reason: ctx.body.reason?.trim() || null,
              metadata: {
                passwordLockedUntil: passwordLock?.toISOString() ?? null,
                twoFactorLockedUntil: secondFactorLock ? new Date(secondFactorLock).toISOString() : null,
              },
              ...requestOrigin(ctx.headers),
            }),
          ]);
          return ctx.json({ success: true, wasLocked: Boolean(passwordLock || secondFactorLock) });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
