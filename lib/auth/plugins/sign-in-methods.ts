// Records how each session signed in (lib/auth/sign-in-methods.ts decides what each endpoint proves): when better-auth
// creates a session, from the endpoint creating it and the request's own session; when a code is verified inside a
// session (an authenticator app confirmed while signed in), on that session; and when a password sign-in went through
// without a code because the device is trusted (better-auth's two-factor plugin keeps the session only then).
// Put it after twoFactor in create-auth's plugins: its after hook reads what the two-factor hook left.
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { session as sessionTable } from "@/db/schema";
import {
  formatSignInMethods,
  inSessionProof,
  isNewSignIn,
  isPasswordSignIn,
  methodsForNewSession,
  parseSignInMethods,
  type SignInMethod,
} from "@/lib/auth/sign-in-methods";

interface SessionRow {
  userId: string;
  token?: string;
  signInMethods?: string | null;
}

/** The session a code is being verified in (null for the sign-in challenge, which has none yet). */
const verifyingIn = defineRequestState<{ token: string; methods: SignInMethod[] } | null>(() => null);

function succeeded(returned: unknown) {
  return !isAPIError(returned) && !(returned instanceof Response && !returned.ok);
}

async function addMethods(db: Database, token: string, methods: readonly SignInMethod[]) {
  await db
    .update(sessionTable)
    .set({ signInMethods: formatSignInMethods(methods) })
    .where(eq(sessionTable.token, token));
}

export interface SignInMethodsOptions {
  db: Database;
}

export function signInMethods({ db }: SignInMethodsOptions) {
  return {
    id: "sign-in-methods",
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                before: async (session, ctx) => {
                  const row = session as SessionRow;
                  // A copy of the request's session (better-auth passes it when it re-issues one) carries its methods;
                  // otherwise the request's own session counts only when it is the same user's and this is no new
                  // sign-in (a sign-in from a browser that was signed in proves what it proves, nothing more).
                  const current = ctx?.context.session as { user: { id: string }; session: SessionRow } | null;
                  const sameUser = current && current.user.id === row.userId && !isNewSignIn(ctx?.path);
                  const inheritedValue = row.signInMethods ?? (sameUser ? current.session.signInMethods : null);
                  const methods = methodsForNewSession(ctx?.path, parseSignInMethods(inheritedValue));
                  return { data: { ...session, signInMethods: formatSignInMethods(methods) } };
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
          matcher: (ctx) => inSessionProof(ctx.path).length > 0,
          handler: createAuthMiddleware(async (ctx) => {
            const current = await getSessionFromCtx(ctx).catch(() => null);
            if (!current) return;
            const row = current.session as SessionRow & { token: string };
            await verifyingIn.set({ token: row.token, methods: parseSignInMethods(row.signInMethods) });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => inSessionProof(ctx.path).length > 0,
          handler: createAuthMiddleware(async (ctx) => {
            const verifying = await verifyingIn.get();
            if (!verifying || !succeeded(ctx.context.returned)) return;
            // When better-auth replaced the session (two-factor turned on), the new one got its methods at creation
            // and this update finds no row.
            await addMethods(db, verifying.token, [...verifying.methods, ...inSessionProof(ctx.path)]);
          }),
        },
        {
          matcher: (ctx) => isPasswordSignIn(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const created = ctx.context.newSession;
            if (!created || !(created.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled) return;
            const row = created.session as SessionRow & { token: string };
            await addMethods(db, row.token, [...parseSignInMethods(row.signInMethods), "trusted_device"]);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
