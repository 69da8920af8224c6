// Step-up: the changes that hand over or destroy an account (ban, role, password, email, deletion, impersonation,
// two-factor reset; `stepUp` in lib/auth/registry.ts) need a sign-in from the last 15 minutes, so a session cookie left behind on a shared computer, or stolen,
// is not enough for them. Signing in again (password, and the second factor when the account has one) gives a fresh
// session; the console asks for it in its "Confirm it's you" dialog (components/auth/step-up.tsx) and retries.
//
// better-auth has the same idea (`session.freshAge`, `freshSessionMiddleware`), but one global age that its own
// endpoints use for other things too (/list-sessions refuses sessions older than it): setting it to 15 minutes would
// break the session list for anyone signed in longer. Its admin endpoints do not check it at all. So the check lives
// here, for these endpoints only, with better-auth's `freshAge` left at its default.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { endpointRule, needsStepUp as registryNeedsStepUp } from "@/lib/auth/registry";
import { FRESH_SIGN_IN_MESSAGE, FRESH_SIGN_IN_REQUIRED, STEP_UP_MAX_AGE_MS } from "@/lib/auth/step-up-rules";

export { FRESH_SIGN_IN_MESSAGE, FRESH_SIGN_IN_REQUIRED, STEP_UP_MAX_AGE_MS };

/** Whether a request needs a fresh sign-in: the registry decides, per endpoint (and from the body where it says so). */
export function needsStepUp(path: string | undefined, body: unknown): boolean {
  return registryNeedsStepUp(endpointRule(path), body);
}

/** Whether a session began (its sign-in) within the step-up age. */
export function isFreshSession(session: { createdAt: Date | string | number }, now = Date.now()) {
  return now - new Date(session.createdAt).getTime() < STEP_UP_MAX_AGE_MS;
}

/** better-auth plugin: refuses the step-up endpoints to sessions older than 15 minutes. */
export function stepUp() {
  return {
    id: "step-up",
    $ERROR_CODES: { [FRESH_SIGN_IN_REQUIRED]: { code: FRESH_SIGN_IN_REQUIRED, message: FRESH_SIGN_IN_MESSAGE } },
    hooks: {
      before: [
        {
          matcher: (ctx) => needsStepUp(ctx.path, ctx.body),
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx);
            // No session: the endpoint refuses it in its own words. An impersonation session never reaches these
            // endpoints: the endpoint policy refuses it every write (and records the attempt) before this runs.
            if (!session || isFreshSession(session.session)) return;
            if ((session.session as { impersonatedBy?: string | null }).impersonatedBy) return;
            throw APIError.from("FORBIDDEN", { code: FRESH_SIGN_IN_REQUIRED, message: FRESH_SIGN_IN_MESSAGE });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
