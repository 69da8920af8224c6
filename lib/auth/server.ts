import "server-only";
import { drizzle } from "drizzle-orm/d1";
import { headers } from "next/headers";
import { cache } from "react";
import { getEnv } from "@/db";
import { d1Binding } from "@/db/d1";
import * as schema from "@/db/schema";
import { type Auth, createAuth } from "./create-auth";

// One better-auth instance per env object: the env is stable within an isolate, so this is built rarely.
const instances = new WeakMap<object, Auth>();

/** better-auth for the current request's Cloudflare env. */
export async function getAuth(): Promise<Auth> {
  const env = await getEnv();
  let auth = instances.get(env);
  if (!auth) {
    auth = createAuth(drizzle(d1Binding(env), { schema }), env);
    instances.set(env, auth);
  }
  return auth;
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
