// better-auth's cookie cache (`session.cookieCache` in create-auth.ts) lets GET /api/auth/get-session answer from a
// signed cookie, without D1, for up to SESSION_COOKIE_CACHE_SECONDS. better-auth also trusts that cookie in several
// endpoints that change things (the organization plugin, /update-user, /two-factor/enable …), so a session signed out,
// revoked or banned elsewhere could still act there until the cookie expires. This plugin confines the cache to
// get-session: every other endpoint has the cache cookie removed from its request before any hook or the endpoint
// reads the session, so they read D1 as they did before the cache existed. Server-side reads in the console
// (lib/auth/server.ts) take get-session's answer only as a claim and confirm it on the session's D1 row.
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";

/** The cookie header without the named cookie (and its `.0`, `.1` … chunks), or null when it is not there. */
export function withoutCookie(header: string, name: string): string | null {
  const isCache = (key: string) =>
    key === name || (key.startsWith(`${name}.`) && /^\d+$/.test(key.slice(name.length + 1)));
  const parts = header.split(";");
  const kept = parts.filter((part) => !isCache(part.split("=", 1)[0]?.trim() ?? ""));
  return kept.length === parts.length ? null : kept.join(";");
}

/** Confines better-auth's session cookie cache to get-session; must come first in `plugins`. */
export function sessionCacheScope() {
  return {
    id: "session-cache-scope",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path !== "/get-session",
          handler: createAuthMiddleware(async (ctx) => {
            const header = ctx.headers?.get("cookie");
            if (!header) return;
            const stripped = withoutCookie(header, ctx.context.authCookies.sessionData.name);
            // In place: the hooks after this one and the endpoint share this Headers object (a returned context
            // would be merged only after every before-hook ran, and our policy hooks read the session before that).
            if (stripped !== null) ctx.headers?.set("cookie", stripped);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
