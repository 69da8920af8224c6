import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { drizzle } from "drizzle-orm/d1";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { cache } from "react";
import { d1Binding } from "./d1";
import * as schema from "./schema";

/** The request's Cloudflare env (bindings and settings); the D1 binding exists only inside a request. */
export async function getEnv(): Promise<CloudflareEnv> {
  const { env } = await getCloudflareContext({ async: true });
  return env;
}

/** Drizzle over this request's D1 binding, built once per request. */
export const getDb = cache(async () => drizzle(d1Binding(await getEnv()), { schema }));

export type Db = Awaited<ReturnType<typeof getDb>>;

/** Any of our databases: D1 in the worker, libsql in unit tests (for queries that take the database as an argument). */
export type AnyDb = BaseSQLiteDatabase<"async", unknown, typeof schema>;
