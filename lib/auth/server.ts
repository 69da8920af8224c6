import "server-only";
import { getCookieCache, parseCookies, SECURE_COOKIE_PREFIX } from "better-auth/cookies";
import { parseSessionOutput, parseUserOutput } from "better-auth/db";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb, getEnv } from "@/db";
import { type BatchedRead, runRead } from "@/db/queries/batched-read";
import type { MyMembership } from "@/db/queries/organizations";
import { loadSignedIn } from "@/db/queries/signed-in";
import { authForEnv } from "./auth-for-env";
import { type Auth, SESSION_COOKIE_CACHE_SECONDS, type Session } from "./create-auth";
import { confirms } from "./session-check";

/** better-auth for the current request's Cloudflare env. */
export async function getAuth(): Promise<Auth> {
  return authForEnv(await getEnv());
}

/** Who a request claims to be, as the page-read planner sees it (not yet confirmed). */
export interface Claim {
  user: { id: string; email: string; emailVerified: boolean; role?: string | null };
}

/** The read the page at `url` is about to make, to ride with the session check (see `planPageReads`), or null. */
export type PageReadPlanner = (url: URL, claim: Claim) => BatchedRead<unknown> | null;
let planner: PageReadPlanner | null = null;

/**
 * Names, for a page load, the read its page will make, so that it goes in the session check's D1 call
 * (app/(console)/page-reads.ts sets it). Only a saving: a page always asks through `readWithSession`, which runs the
 * read on its own when it did not ride along (another key, a server action, no planner).
 */
export function planPageReads(next: PageReadPlanner) {
  planner = next;
}

function pageReadOf(requestHeaders: Headers, claim: Claim): BatchedRead<unknown> | null {
  const path = requestHeaders.get("x-gatehouse-path"); // set by middleware.ts for every request
  if (!planner || !path || requestHeaders.has("next-action")) return null;
  return planner(new URL(path, "http://gatehouse.invalid"), claim);
}

interface SignedIn {
  session: Session | null;
  memberships: MyMembership[];
  /** The planned page read's raw results (see `readWithSession`). */
  page: { key: string; results: unknown[] } | null;
  /** When better-auth wrote the cookie cache the claim came from (null: it was stale or missing). */
  cachedAt: number | null;
}

/**
 * Who the cookies claim to be, without D1 or a better-auth endpoint call while better-auth's signed cookie cache is
 * fresh: its `getCookieCache` checks the cache's signature and age, and the session token cookie must name the same
 * token (as get-session requires). Otherwise better-auth's get-session answers (from D1). Only a claim: `signedIn`
 * confirms it on the rows.
 */
async function claimOf(
  requestHeaders: Headers,
  auth: Auth,
  context: Awaited<Auth["$context"]>,
): Promise<(Claim & { token: string; cachedAt: number | null }) | null> {
  const { sessionData, sessionToken } = context.authCookies;
  const cached = await getCookieCache(requestHeaders, {
    secret: context.secret,
    strategy: "compact",
    isSecure: sessionData.name.startsWith(SECURE_COOKIE_PREFIX),
  });
  const token = cached?.session.token;
  const signedToken = parseCookies(requestHeaders.get("cookie") ?? "").get(sessionToken.name);
  if (cached && token && signedToken?.startsWith(`${token}.`))
    return { token, user: cached.user, cachedAt: cached.updatedAt };
  const session = await auth.api.getSession({ headers: requestHeaders });
  return session ? { token: session.session.token, user: session.user, cachedAt: null } : null;
}

/**
 * Who this request is signed in as, and their memberships, decided on D1's rows, in one D1 call.
 * The cookies' claim (`claimOf`: better-auth's signed cookie cache while fresh, its get-session otherwise) is never
 * acted on as it is: the session row of its token, the user's row and their memberships are then read together
 * (db/queries/signed-in.ts), and the session stands only if its row is still there and unexpired (`confirms`). A
 * session signed out, revoked, banned (better-auth's ban deletes the user's sessions) or ended a second ago does not
 * pass, and role, ban and two-factor state are the user row's, not the cookie's. This replaces a get-session that
 * skipped the cache (one D1 call and better-auth's D1 path) plus a memberships read (a second call). The page's own
 * read rides along when planned (`planPageReads`).
 */
const signedIn = cache(async (): Promise<SignedIn> => {
  const requestHeaders = await headers(); // first: it makes every caller dynamic, never prerendered
  const auth = await getAuth();
  const context = await auth.$context;
  const claim = await claimOf(requestHeaders, auth, context);
  if (!claim) return { session: null, memberships: [], page: null, cachedAt: null };
  const rows = await loadSignedIn(claim.token, claim.user.id, pageReadOf(requestHeaders, claim));
  if (!confirms(claim, rows, new Date())) return { session: null, memberships: [], page: null, cachedAt: null };
  // better-auth's own shaping of a session read from D1 (what its get-session returns).
  const session = {
    session: parseSessionOutput(context.options, rows.session),
    user: parseUserOutput(context.options, rows.user),
  } as unknown as Session;
  // Nothing read for an unconfirmed claim leaves.
  return { session, memberships: rows.memberships, page: rows.page, cachedAt: claim.cachedAt };
});

/**
 * The signed-in session of this request (null when signed out), as D1 has it now (see `signedIn`): every page, action
 * and route handler decides on it.
 */
export const getSession = cache(async () => (await signedIn()).session);

/**
 * In how many milliseconds the browser should renew better-auth's cookie cache (components/shell/session-keeper.tsx):
 * 15 s before it expires, or now when this request found none fresh (the next page would first wait on a get-session).
 */
export const sessionCacheRenewIn = cache(async () => {
  const { cachedAt } = await signedIn();
  if (cachedAt === null) return 0;
  return Math.max(0, cachedAt + (SESSION_COOKIE_CACHE_SECONDS - 15) * 1000 - Date.now());
});

/** The signed-in user's memberships, read with the session (empty when signed out). */
export const getMyMemberships = cache(async () => (await signedIn()).memberships);

/**
 * The value of `read` for the signed-in page: from the session check's D1 call when it rode along there (same key),
 * otherwise from a D1 call of its own. Call it after the page's guard: it does not check who may read what.
 */
export async function readWithSession<T>(read: BatchedRead<T>): Promise<T> {
  const { page } = await signedIn();
  const db = await getDb();
  return page?.key === read.key ? read.map(page.results, db) : runRead(db, read);
}

export type { Auth, Session } from "./create-auth";
