// D1 read replication (README, "Read replicas"), behind D1_READ_REPLICATION=on, off by default. D1 serves reads from
// replicas only through its Sessions API: with the setting on, each request's D1 access runs on one session
// (`env.DB.withSession`), and the session's bookmark after the request goes back to the browser in a cookie, so the
// next request starts where this one ended and a user always reads their own writes.
//
// better-auth's instance is built once per isolate and keeps the database it was given: it gets `requestD1Handle`,
// whose statements go to the current request's session (held in an AsyncLocalStorage), never a session of its own.
// The storage lives on globalThis because worker.ts and Next's bundle each carry a copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export const BOOKMARK_COOKIE = "gatehouse.d1_bookmark";
/** D1 bookmarks are opaque strings of hex fields and dashes; anything else in the cookie is ignored. */
const BOOKMARK_SHAPE = /^[0-9a-f-]{1,200}$/i;

interface RequestD1 {
  session: D1DatabaseSession;
}

const KEY = Symbol.for("gatehouse.d1.session");
function storage(): AsyncLocalStorage<RequestD1> {
  const store = globalThis as { [KEY]?: AsyncLocalStorage<RequestD1> };
  store[KEY] ??= new AsyncLocalStorage<RequestD1>();
  return store[KEY];
}

export function readReplicationOn(env: { D1_READ_REPLICATION?: string }): boolean {
  return env.D1_READ_REPLICATION === "on";
}

function bookmarkOf(request: Request): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (part.slice(0, at).trim() !== BOOKMARK_COOKIE) continue;
    const value = decodeURIComponent(part.slice(at + 1).trim());
    return BOOKMARK_SHAPE.test(value) ? value : null;
  }
  return null;
}

/**
 * Where a request's session starts. Auth decides at the primary: every better-auth endpoint (sessions, bans, roles,
 * lockouts, second factors) and every write (server actions are POSTs). Other reads start from the browser's last
 * bookmark, or anywhere for a browser without one.
 */
export function sessionStart(request: Request): string {
  const { pathname } = new URL(request.url);
  const isWrite = request.method !== "GET" && request.method !== "HEAD";
  if (isWrite || pathname === "/api/auth" || pathname.startsWith("/api/auth/")) return "first-primary";
  return bookmarkOf(request) ?? "first-unconstrained";
}

function bookmarkCookie(bookmark: string, https: boolean) {
  const secure = https ? "; Secure" : "";
  return `${BOOKMARK_COOKIE}=${encodeURIComponent(bookmark)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400${secure}`;
}

/**
 * Runs the request's handler on one D1 session when read replication is on (otherwise just runs it) and returns the
 * session's bookmark in the cookie the next request starts from.
 */
export async function withRequestD1(
  request: Request,
  env: { DB: D1Database; D1_READ_REPLICATION?: string },
  handler: () => Promise<Response>,
): Promise<Response> {
  if (!readReplicationOn(env)) return handler();
  const session = env.DB.withSession(sessionStart(request));
  const response = await storage().run({ session }, handler);
  const bookmark = session.getBookmark();
  if (!bookmark || bookmark === bookmarkOf(request)) return response;
  const withCookie = new Response(response.body, response);
  withCookie.headers.append("set-cookie", bookmarkCookie(bookmark, new URL(request.url).protocol === "https:"));
  return withCookie;
}

/**
 * The D1 handle to build drizzle on: the binding itself with replication off; with it on, a handle whose statements
 * run on the current request's session (the binding's primary-first default outside a request, e.g. in a cron run).
 */
export function requestD1Handle(env: { DB: D1Database; D1_READ_REPLICATION?: string }): D1Database {
  if (!readReplicationOn(env)) return env.DB;
  const current = () => storage().getStore()?.session ?? env.DB;
  return {
    prepare: (query: string) => current().prepare(query),
    batch: <T>(statements: D1PreparedStatement[]) => current().batch<T>(statements),
    exec: (query: string) => env.DB.exec(query),
    dump: () => env.DB.dump(),
    withSession: (constraint?: string) => env.DB.withSession(constraint),
  } as D1Database;
}
