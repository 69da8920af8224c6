import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getEnv } from "@/db";
import { authForEnv } from "./auth-for-env";
import type { Auth } from "./create-auth";

/** better-auth for the current request's Cloudflare env. */
export async function getAuth(): Promise<Auth> {
  return authForEnv(await getEnv());
}

/**
 * The signed-in session of this request (null when signed out), read once per request from D1, never from the cookie
 * cache: every page, action and route handler decides on it, so a session signed out, revoked or banned a second ago
 * must not pass (one indexed query; the cache serves the browser's own get-session polling).
 */
export const getSession = cache(async () => {
  const requestHeaders = await headers(); // first: it makes every caller dynamic, never prerendered
  const auth = await getAuth();
  return auth.api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } });
});

export type { Auth, Session } from "./create-auth";
