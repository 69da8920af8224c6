// better-auth's HTTP handler with its router built once per instance instead of once per request.
// `auth.handler` calls `router(ctx, options)` on every request: that re-creates every endpoint (about a hundred, each
// with its schemas) and better-call's route tree, the largest part of a get-session's CPU after the cookie check
// (README, "Performance"). Everything per request stays per request: better-auth copies its context into each call
// (dispatchAuthEndpoint spreads it, exactly as for `auth.api.*`, which shares one context too), and request state lives
// in AsyncLocalStorage. What the copy in `auth.handler` adds, trusted origins and providers resolved from the request,
// is only different from the instance's own when the base URL is dynamic or they are functions of the request;
// ours are fixed (create-auth.ts), and `cachedAuthHandler` falls back to `auth.handler` otherwise.
import { runWithAdapter, runWithRequestState } from "@better-auth/core/context";
import { router } from "better-auth/api";
import type { Auth } from "./create-auth";
import { settleHeldRateLimitCount } from "./sign-in-rate-limit";

type Handler = (request: Request) => Promise<Response>;

const handlers = new WeakMap<Auth, Promise<Handler>>();

/** `auth.handler` for this instance, its router built on the first request and reused. */
export function cachedAuthHandler(auth: Auth): Handler {
  let ready = handlers.get(auth);
  if (!ready) {
    ready = auth.$context.then((context) => {
      const options = auth.options as {
        baseURL?: unknown;
        trustedOrigins?: unknown;
        account?: { accountLinking?: { trustedProviders?: unknown } };
      };
      const perRequest =
        typeof options.baseURL !== "string" ||
        typeof options.trustedOrigins === "function" ||
        typeof options.account?.accountLinking?.trustedProviders === "function";
      if (perRequest) return (request: Request) => auth.handler(request);
      // Typed with our exact options; `router` takes the general AuthContext this is an instance of.
      const { handler } = router(context as unknown as Parameters<typeof router>[0], auth.options);
      // One request state for the whole request, the rate limiter's count included (sign-in-rate-limit.ts):
      // better-auth's endpoints join a state that is already there.
      return async (request: Request): Promise<Response> =>
        await runWithRequestState(new WeakMap(), async () => {
          try {
            return await runWithAdapter(context.adapter, () => handler(request));
          } finally {
            await settleHeldRateLimitCount();
          }
        });
    });
    handlers.set(auth, ready);
  }
  return async (request) => (await ready)(request);
}
