// Drizzle over a Cloudflare env's D1, built once per env object (stable within an isolate) and shared by the pages,
// route handlers and better-auth. Building it is not free: drizzle() walks the whole schema for its relational config
// on every call, about 0.3 ms of a page's CPU when it was built per request. Nothing in the instance belongs to one
// request: with read replication on, its handle sends each statement to the current request's D1 session
// (db/d1-session.ts). No "server-only" and no next/* import: worker.ts bundles it outside Next.
import { drizzle } from "drizzle-orm/d1";
import { d1Binding } from "./d1";
import { requestD1Handle } from "./d1-session";
import type { Database } from "./database";
import * as schema from "./schema";

/**
 * `build`, memoized per env object: the env is stable within an isolate, so what is built from it (Drizzle,
 * better-auth) is built once there rather than on every request.
 */
export function perEnv<T>(build: (env: CloudflareEnv) => T): (env: CloudflareEnv) => T {
  const built = new WeakMap<object, T>();
  return (env) => {
    if (!built.has(env)) built.set(env, build(env));
    return built.get(env) as T;
  };
}

/** Drizzle for this env's D1 binding (per-request session when read replication is on, counted in bench mode). */
export const databaseForEnv: (env: CloudflareEnv) => Database = perEnv((env) =>
  drizzle(d1Binding(requestD1Handle(env), env), { schema }),
);
