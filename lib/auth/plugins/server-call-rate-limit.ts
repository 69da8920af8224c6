// better-auth's rate limiter runs in its HTTP router only: `auth.api.*` called from our server actions skips it, so
// a script posting to a server action would get around every limit the HTTP endpoint has. This plugin holds such
// calls to the same limits: a call from server code (no HTTP request of better-auth's own) that carries the client's
// address is counted in the same `rate_limit` row, under the same key (`<address>|<path>`) and with the same rule as
// the HTTP endpoint, so the action and the endpoint share one budget per client address.

import { createRateLimitKey, getIP } from "@better-auth/core/utils/ip";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rateLimit } from "@/db/schema";

export interface RateLimitRule {
  /** Seconds. */
  window: number;
  max: number;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
type AuthContext = HookContext["context"];

export const RATE_LIMITED = "RATE_LIMITED";

/** better-auth's built-in rules (api/rate-limiter: getDefaultSpecialRules), which apply before plugin and custom ones. */
const DEFAULT_SPECIAL_RULES: { matches: (path: string) => boolean; rule: RateLimitRule }[] = [
  {
    matches: (p) =>
      ["/sign-in", "/sign-up", "/change-password", "/change-email"].some((prefix) => p.startsWith(prefix)),
    rule: { window: 10, max: 3 },
  },
  {
    matches: (p) =>
      p === "/request-password-reset" ||
      p === "/send-verification-email" ||
      p.startsWith("/forget-password") ||
      p === "/email-otp/send-verification-otp" ||
      p === "/email-otp/request-password-reset",
    rule: { window: 60, max: 3 },
  },
];

/** better-auth's path patterns: `*` within one segment, `**` across segments. */
function globMatches(pattern: string, path: string) {
  const regex = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${regex}$`).test(path);
}

/**
 * The rule better-auth's router applies to an HTTP request for `path` (null: not limited), resolved the same way:
 * the global window/max, then its special rules, then the first plugin rule, then our custom rules.
 */
export async function rateLimitRuleFor(
  path: string,
  context: AuthContext,
  request: () => Request,
): Promise<RateLimitRule | null> {
  const config = context.rateLimit;
  if (!config.enabled) return null;
  let rule: RateLimitRule = { window: config.window, max: config.max };
  const special = DEFAULT_SPECIAL_RULES.find((r) => r.matches(path));
  if (special) rule = special.rule;
  for (const plugin of context.options.plugins ?? []) {
    const matched = plugin.rateLimit?.find((r) => r.pathMatcher(path));
    if (matched) {
      rule = { window: matched.window, max: matched.max };
      break;
    }
  }
  const custom = config.customRules ?? {};
  const pattern = Object.keys(custom).find((p) => (p.includes("*") ? globMatches(p, path) : p === path));
  if (pattern !== undefined) {
    const entry = custom[pattern];
    const resolved = typeof entry === "function" ? await entry(request(), rule) : entry;
    if (resolved === false) return null;
    if (resolved) rule = { window: resolved.window, max: resolved.max };
  }
  return rule;
}

/**
 * Counts one request against `key` in the `rate_limit` table, atomically (one upsert: concurrent calls are all
 * counted), with better-auth's semantics: `max` requests, then refusals until `window` seconds after the last
 * counted one. Returns the seconds to wait when refused.
 */
export async function consumeRateLimit(
  db: Database,
  key: string,
  rule: RateLimitRule,
  now = Date.now(),
): Promise<RateLimitVerdict> {
  return rateLimitDecision(db, key, rule, now, await rateLimitStatement(db, key, rule, now));
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * consumeRateLimit's upsert alone (its rows: one when the request was counted, none when refused), as a query builder
 * so it can ride in a `db.batch` (a password sign-in sends it with its lockout claim: lib/auth/sign-in-rate-limit.ts).
 */
export function rateLimitStatement(db: Database, key: string, rule: RateLimitRule, now: number) {
  const expired = sql`${rateLimit.lastRequest} <= ${now - rule.window * 1000}`;
  return db
    .insert(rateLimit)
    .values({ id: crypto.randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: { count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`, lastRequest: now },
      setWhere: sql`${expired} or ${rateLimit.count} < ${rule.max}`,
    })
    .returning({ count: rateLimit.count });
}

/** What the upsert's rows decided; when refused, the seconds to wait (one more read). */
export async function rateLimitDecision(
  db: Database,
  key: string,
  rule: RateLimitRule,
  now: number,
  counted: { count: number }[],
): Promise<RateLimitVerdict> {
  if (counted.length > 0) return { allowed: true };
  const [row] = await db.select({ lastRequest: rateLimit.lastRequest }).from(rateLimit).where(eq(rateLimit.key, key));
  const retryAfter = Math.max(1, Math.ceil(((row?.lastRequest ?? now) + rule.window * 1000 - now) / 1000));
  return { allowed: false, retryAfter };
}

/** Gives back one counted request (it was refused further on, so it should not use up the budget). */
export async function releaseRateLimit(db: Database, key: string) {
  await db
    .update(rateLimit)
    .set({ count: sql`max(${rateLimit.count} - 1, 0)` })
    .where(eq(rateLimit.key, key));
}

/** The refusal: a sentence with the wait, and the same retry header better-auth's 429 carries. */
export function rateLimitedError(retryAfter: number) {
  const wait = retryAfter < 90 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: RATE_LIMITED, message: `Too many requests. Try again in ${wait}.` },
    { "X-Retry-After": String(retryAfter) },
  );
}

/** The client's address headers only (no cookie): for calls made for the client but not as the signed-in user. */
export function clientAddressHeaders(requestHeaders: Headers): Headers {
  const headers = new Headers();
  for (const name of ["cf-connecting-ip", "user-agent"]) {
    const value = requestHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
}

export interface ServerCallRateLimitOptions {
  db: Database;
}

/** Holds `auth.api.*` calls made from server code for a client to the HTTP endpoints' limits; see the top. */
export function serverCallRateLimit({ db }: ServerCallRateLimitOptions) {
  return {
    id: "server-call-rate-limit",
    hooks: {
      before: [
        {
          // HTTP requests were counted by better-auth's router already (they carry `request`); server-only endpoints
          // have no path and no HTTP twin.
          matcher: (ctx) => !ctx.request && Boolean(ctx.headers) && Boolean(ctx.path),
          handler: createAuthMiddleware(async (ctx) => {
            const headers = ctx.headers;
            if (!headers) return;
            const options = ctx.context.options;
            // Only a call that speaks for a client (its address is in the headers, as Cloudflare sets it) is counted:
            // the seed, tests and internal calls have no client to limit. getIP's localhost fallback is not used.
            const ipHeaders = options.advanced?.ipAddress?.ipAddressHeaders ?? ["x-forwarded-for"];
            if (!ipHeaders.some((name) => headers.has(name))) return;
            const ip = getIP(headers, options);
            if (!ip) return;
            const path = ctx.path ?? "";
            const rule = await rateLimitRuleFor(
              path,
              ctx.context,
              () => new Request(`${ctx.context.baseURL}${path}`, { headers }),
            );
            if (!rule) return;
            const result = await consumeRateLimit(db, createRateLimitKey(ip, path), rule);
            if (!result.allowed) throw rateLimitedError(result.retryAfter);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
