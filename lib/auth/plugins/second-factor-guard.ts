// Stronger second factors than better-auth's defaults: a TOTP code that was accepted once is refused for the rest of
// its validity window, and a backup code is accepted once even when it is submitted many times at the same moment.
//
// How: before better-auth verifies a code, this plugin claims a row in `second_factor_use` whose primary key names
// the code (`totp:<user>:<code>`, `backup:<user>:<sha-256 of code>`). The insert is the atomic gate: of two
// concurrent submissions only one insert wins, and the other is refused before better-auth looks at the code. When
// better-auth then refuses the code (wrong code, expired challenge, lockout), the claim is released, so a wrong code
// never burns anything and a right code refused for another reason can be used again.
import { defineRequestState } from "@better-auth/core/context";
import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/database";
import { secondFactorUse } from "@/db/schema";

/** The refusals this plugin adds; the client gets them as `error.code`. */
export const SECOND_FACTOR_ERROR_CODES = defineErrorCodes({
  TOTP_CODE_ALREADY_USED: "This code has already been used. Wait for the next code from your authenticator app.",
  BACKUP_CODE_ALREADY_USED: "This backup code has already been used. Each backup code works only once.",
});

/** better-auth's TOTP settings (we keep its defaults): 30-second steps, one step of drift either way. */
export const TOTP_PERIOD_MS = 30_000;
const TOTP_WINDOW_STEPS = 1;
/** A used backup code is remembered long after better-auth has removed it, for a clear "already used" message. */
const BACKUP_CLAIM_MS = 180 * 24 * 60 * 60 * 1000;
/** better-auth's cookie holding the pending sign-in challenge (plugins/two-factor/constant). */
export const TWO_FACTOR_COOKIE = "two_factor";

const GUARDED_PATHS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

type Kind = "totp" | "backup";

/** The claim this request holds, released in the after hook when better-auth refuses the code. */
const heldClaim = defineRequestState<string | null>(() => null);

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The moment after which a TOTP code accepted now can no longer be accepted by better-auth: a code is accepted
 * within one step either side of its own, and the latest step it can belong to is the next one.
 */
export function totpClaimExpiry(now: number) {
  const step = Math.floor(now / TOTP_PERIOD_MS);
  return new Date((step + 2 * TOTP_WINDOW_STEPS + 1) * TOTP_PERIOD_MS);
}

/** The key and lifetime of the claim for one submitted code. */
export async function claimFor(kind: Kind, userId: string, code: string, now = Date.now()) {
  if (kind === "totp") return { key: `totp:${userId}:${code}`, expiresAt: totpClaimExpiry(now) };
  return { key: `backup:${userId}:${await sha256Hex(code)}`, expiresAt: new Date(now + BACKUP_CLAIM_MS) };
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * The user a verification is for, decided the way better-auth's verifyTwoFactor decides it: the signed-in session
 * (enrolment, step-up), else the pending sign-in challenge behind the signed `two_factor` cookie.
 */
async function userOfVerification(ctx: HookContext): Promise<string | null> {
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (session?.user.id) return session.user.id;
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const challenge = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!challenge || new Date(challenge.expiresAt).getTime() <= Date.now()) return null;
  return challenge.value;
}

export interface SecondFactorGuardOptions {
  db: Database;
}

/**
 * Atomically claims one code for one user. Returns false when an unexpired claim already exists; an expired one is
 * taken over in the same statement (the code may legitimately come round again hours later).
 */
export async function claimCode(db: Database, claim: { key: string; userId: string; expiresAt: Date }) {
  const now = new Date();
  const rows = await db
    .insert(secondFactorUse)
    .values(claim)
    .onConflictDoUpdate({
      target: secondFactorUse.key,
      set: { userId: claim.userId, expiresAt: claim.expiresAt },
      setWhere: lt(secondFactorUse.expiresAt, now),
    })
    .returning();
  return rows.length === 1;
}

/** Gives a claim back (the code was not accepted after all). */
export async function releaseCode(db: Database, key: string) {
  await db.delete(secondFactorUse).where(eq(secondFactorUse.key, key));
}

/** Refuses replayed TOTP codes and concurrent reuse of backup codes; see the comment at the top of this file. */
export function secondFactorGuard({ db }: SecondFactorGuardOptions) {
  return {
    id: "second-factor-guard",
    $ERROR_CODES: SECOND_FACTOR_ERROR_CODES,
    hooks: {
      before: [
        {
          matcher: (ctx) => GUARDED_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== "string" || code.length === 0) return; // better-auth's own validation answers
            const userId = await userOfVerification(ctx);
            if (!userId) return; // no session and no challenge: better-auth refuses it without our help
            const kind: Kind = ctx.path === "/two-factor/verify-totp" ? "totp" : "backup";
            const claim = await claimFor(kind, userId, code);
            // Old claims of this user are dead weight: drop them while we are here (indexed, a handful of rows).
            await db
              .delete(secondFactorUse)
              .where(and(eq(secondFactorUse.userId, userId), lt(secondFactorUse.expiresAt, new Date())));
            if (!(await claimCode(db, { ...claim, userId }))) {
              const { TOTP_CODE_ALREADY_USED, BACKUP_CODE_ALREADY_USED } = SECOND_FACTOR_ERROR_CODES;
              throw APIError.from("UNAUTHORIZED", kind === "totp" ? TOTP_CODE_ALREADY_USED : BACKUP_CODE_ALREADY_USED);
            }
            await heldClaim.set(claim.key);
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => GUARDED_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const key = await heldClaim.get();
            if (!key) return;
            await heldClaim.set(null);
            const returned = ctx.context.returned;
            const refused = isAPIError(returned) || (returned instanceof Response && !returned.ok);
            if (refused) await releaseCode(db, key);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
