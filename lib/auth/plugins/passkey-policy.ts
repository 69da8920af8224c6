// What the console adds around better-auth's passkey endpoints (plugins/passkeys.ts configures the plugin itself):
// - last use, recorded by us (the plugin keeps no such field), with the audit row of the use in one batch: a sign-in,
//   a step-up ("Confirm it's you" with a passkey) or the second factor after a password;
// - a step-up is the same person: with a session, a passkey of another account is refused;
// - after a password with a second factor pending, the sign-in options offer that account's passkeys only, and a
//   passkey of that account answers the challenge (better-auth has no passkey second-factor step);
// - passkey names held to the name rules, the WebAuthn user name kept the account's address (the plugin would put
//   the passkey's name there), and audit rows for added, renamed and removed passkeys.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { expireCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { passkeyActivity } from "@/db/schema";
import { type AuditEntry, auditActor, auditInsert, recordAudit, requestOrigin } from "@/lib/audit";
import type { MailSettings } from "@/lib/email/send";
import { passkeyNameSchema } from "@/lib/validations/passkeys";
import { removeUserPasskeyEndpoint } from "./operator-passkey-removal";
import { TWO_FACTOR_COOKIE } from "./second-factor-guard";

export const PASSKEY_POLICY_ERROR_CODES = {
  PASSKEY_OF_ANOTHER_ACCOUNT:
    "This passkey belongs to another account. Use a passkey of the account you are signed in to.",
  NOT_ALLOWED_TO_REMOVE_PASSKEYS: "You are not allowed to remove the passkeys of users.",
} as const;

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

interface PasskeyRow {
  id: string;
  userId: string;
  name?: string | null;
}

/** What a passkey sign-in is for, decided before it runs. */
type Purpose = "sign_in" | "step_up" | "second_factor";

const pendingUse = defineRequestState<{ passkey: PasskeyRow; purpose: Purpose; challenge: string | null } | null>(
  () => null,
);
const pendingChange = defineRequestState<PasskeyRow | null>(() => null);

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function succeeded(ctx: HookContext) {
  const returned = ctx.context.returned;
  return !(isAPIError(returned) || (returned instanceof Response && !returned.ok) || returned == null);
}

async function findPasskey(ctx: HookContext, field: "id" | "credentialID", value: unknown) {
  if (typeof value !== "string" || value === "") return null;
  return ctx.context.adapter.findOne<PasskeyRow>({ model: "passkey", where: [{ field, value }] });
}

/** The sign-in waiting for its second factor in this browser (better-auth's signed two_factor cookie), if any. */
async function pendingChallenge(ctx: HookContext): Promise<{ identifier: string; userId: string } | null> {
  const cookie = ctx.context.createAuthCookie(TWO_FACTOR_COOKIE);
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  const challenge = await ctx.context.internalAdapter.findVerificationValue(identifier);
  if (!challenge || new Date(challenge.expiresAt).getTime() <= Date.now()) return null;
  return { identifier, userId: challenge.value };
}

function cleanName(holder: Record<string, unknown>, field: string) {
  const value = holder[field];
  if (typeof value !== "string") return;
  const parsed = passkeyNameSchema.safeParse(value);
  if (!parsed.success) {
    throw new APIError("BAD_REQUEST", {
      code: "INVALID_NAME",
      message: `Passkey name: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    });
  }
  holder[field] = parsed.data;
}

const AUDIT_OF_USE: Record<Purpose, AuditEntry["action"]> = {
  sign_in: "user.sign_in.passkey",
  step_up: "user.passkey.step_up",
  second_factor: "user.two_factor.verify",
};

export interface PasskeyPolicyOptions {
  db: Database;
  settings: MailSettings;
  baseURL: string;
}

/** better-auth plugin: the console's rules, records and operator removal around the passkey plugin. */
export function passkeyPolicy({ db, settings, baseURL }: PasskeyPolicyOptions) {
  return {
    id: "passkey-policy",
    $ERROR_CODES: Object.fromEntries(
      Object.entries(PASSKEY_POLICY_ERROR_CODES).map(([code, message]) => [code, { code, message }]),
    ) as { [K in keyof typeof PASSKEY_POLICY_ERROR_CODES]: { code: K; message: string } },
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/passkey/generate-register-options",
          handler: createAuthMiddleware(async (ctx) => {
            // The plugin would show the passkey's name as the account's in the browser's passkey chooser.
            if (ctx.query && "name" in ctx.query) delete (ctx.query as Record<string, unknown>).name;
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/verify-registration",
          handler: createAuthMiddleware(async (ctx) => cleanName(record(ctx.body), "name")),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/update-passkey" || ctx.path === "/passkey/delete-passkey",
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.path === "/passkey/update-passkey") cleanName(record(ctx.body), "name");
            await pendingChange.set(await findPasskey(ctx, "id", record(ctx.body).id));
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/verify-authentication",
          handler: createAuthMiddleware(async (ctx) => {
            const passkey = await findPasskey(ctx, "credentialID", record(record(ctx.body).response).id);
            if (!passkey) return; // the plugin answers PASSKEY_NOT_FOUND
            const session = await getSessionFromCtx(ctx).catch(() => null);
            if (session && session.user.id !== passkey.userId) {
              throw APIError.from("FORBIDDEN", {
                code: "PASSKEY_OF_ANOTHER_ACCOUNT",
                message: PASSKEY_POLICY_ERROR_CODES.PASSKEY_OF_ANOTHER_ACCOUNT,
              });
            }
            const challenge = session ? null : await pendingChallenge(ctx);
            const purpose: Purpose = session
              ? "step_up"
              : challenge?.userId === passkey.userId
                ? "second_factor"
                : "sign_in";
            await pendingUse.set({ passkey, purpose, challenge: challenge?.identifier ?? null });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/passkey/generate-authenticate-options",
          handler: createAuthMiddleware(async (ctx) => {
            if (!succeeded(ctx)) return;
            const options = record(ctx.context.returned);
            // The plugin asks for "preferred"; plugins/passkeys.ts refuses an unverified answer anyway, and a browser
            // told "required" asks for the fingerprint or PIN instead of failing after the touch.
            const changed: Record<string, unknown> = { ...options, userVerification: "required" };
            const session = await getSessionFromCtx(ctx).catch(() => null);
            const challenge = session ? null : await pendingChallenge(ctx);
            if (challenge) {
              const theirs = await ctx.context.adapter.findMany<{ credentialID: string; transports?: string | null }>({
                model: "passkey",
                where: [{ field: "userId", value: challenge.userId }],
              });
              changed.allowCredentials = theirs.map((p) => ({
                id: p.credentialID,
                type: "public-key",
                ...(p.transports ? { transports: p.transports.split(",") } : {}),
              }));
            }
            return ctx.json(changed);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/verify-authentication",
          handler: createAuthMiddleware(async (ctx) => {
            const use = await pendingUse.get();
            if (!use || !succeeded(ctx)) return;
            const { passkey, purpose } = use;
            const now = new Date();
            await db.batch([
              db
                .insert(passkeyActivity)
                .values({ passkeyId: passkey.id, lastUsedAt: now })
                .onConflictDoUpdate({ target: passkeyActivity.passkeyId, set: { lastUsedAt: now } }),
              auditInsert(db, {
                action: AUDIT_OF_USE[purpose],
                actorUserId: passkey.userId,
                targetUserId: passkey.userId,
                metadata: { method: "passkey", passkeyId: passkey.id, passkeyName: passkey.name ?? null },
                ...requestOrigin(ctx.headers),
                at: now,
              }),
            ]);
            if (purpose === "second_factor" && use.challenge) {
              // Answered: the password's challenge cannot be answered a second time with a code.
              const adapter = ctx.context.internalAdapter;
              await adapter.deleteVerificationByIdentifier(use.challenge);
              await adapter.deleteVerificationByIdentifier(`2fa-attempts-${use.challenge}`);
              expireCookie(ctx, ctx.context.createAuthCookie(TWO_FACTOR_COOKIE));
            }
          }),
        },
        {
          matcher: (ctx) =>
            ctx.path === "/passkey/verify-registration" ||
            ctx.path === "/passkey/update-passkey" ||
            ctx.path === "/passkey/delete-passkey",
          handler: createAuthMiddleware(async (ctx) => {
            const session = ctx.context.session;
            if (!session || !succeeded(ctx)) return;
            const before = await pendingChange.get();
            const body = record(ctx.body);
            const entry: AuditEntry =
              ctx.path === "/passkey/verify-registration"
                ? {
                    action: "user.passkey.add",
                    metadata: (({ id, name, deviceType, backedUp }) => ({
                      passkeyId: id,
                      passkeyName: name ?? null,
                      deviceType,
                      backedUp,
                    }))(record(ctx.context.returned)),
                  }
                : ctx.path === "/passkey/update-passkey"
                  ? {
                      action: "user.passkey.rename",
                      metadata: { passkeyId: before?.id ?? null, from: before?.name ?? null, to: body.name },
                    }
                  : {
                      action: "user.passkey.remove",
                      metadata: { passkeyId: before?.id ?? null, passkeyName: before?.name ?? null },
                    };
            await recordAudit(db, {
              ...entry,
              ...auditActor(session),
              targetUserId: session.user.id,
              ...requestOrigin(ctx.headers),
            });
          }),
        },
      ],
    },
    endpoints: {
      removeUserPasskey: removeUserPasskeyEndpoint(db, settings, baseURL),
    },
  } satisfies BetterAuthPlugin;
}

/** The passkey row's last use, for tests and the pages (null when never used). */
export async function lastUsedAt(db: Database, passkeyId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: passkeyActivity.lastUsedAt })
    .from(passkeyActivity)
    .where(eq(passkeyActivity.passkeyId, passkeyId));
  return row?.at ?? null;
}
