import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getEnv } from "@/db";
import type { MyMembership } from "@/db/queries/organizations";
import { loadSignedIn } from "@/db/queries/signed-in";
import { authForEnv } from "./auth-for-env";
import type { Auth, Session } from "./create-auth";
import { confirmSession } from "./session-check";

/** better-auth for the current request's Cloudflare env. */
export async function getAuth(): Promise<Auth> {
  return authForEnv(await getEnv());
}

/**
 * Who this request is signed in as, and their memberships, decided on D1's rows, in one D1 call.
 * better-auth's get-session says whose session the cookies claim: from its signed cookie cache while that is fresh
 * (no D1), from D1 otherwise. That claim is never acted on as it is: the session row of its token, the user's row and
 * their memberships are then read together (db/queries/signed-in.ts), and the session stands only if its row is still
 * there and unexpired (confirmSession). A session signed out, revoked, banned (better-auth's ban deletes the user's
 * sessions) or ended a second ago does not pass, and role, ban and two-factor state are the user row's, not the
 * cookie's. This replaces a get-session that skipped the cache (one D1 call and better-auth's D1 path) plus a
 * memberships read (a second call).
 */
const signedIn = cache(async (): Promise<{ session: Session | null; memberships: MyMembership[] }> => {
  const requestHeaders = await headers(); // first: it makes every caller dynamic, never prerendered
  const auth = await getAuth();
  const claimed = await auth.api.getSession({ headers: requestHeaders });
  if (!claimed) return { session: null, memberships: [] };
  const rows = await loadSignedIn(claimed.session.token, claimed.user.id);
  const session = confirmSession(claimed, rows, new Date());
  return { session, memberships: session ? rows.memberships : [] };
});

/**
 * The signed-in session of this request (null when signed out), as D1 has it now (see `signedIn`): every page, action
 * and route handler decides on it.
 */
export const getSession = cache(async () => (await signedIn()).session);

/** The signed-in user's memberships, read with the session (empty when signed out). */
export const getMyMemberships = cache(async () => (await signedIn()).memberships);

export type { Auth, Session } from "./create-auth";
