import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { cache } from "react";
import type { Database } from "./database";
import { databaseForEnv } from "./for-env";

/** The request's Cloudflare env (bindings and settings); the D1 binding exists only inside a request. */
export async function getEnv(): Promise<CloudflareEnv> {
  const { env } = await getCloudflareContext({ async: true });
  return env;
}

/** Drizzle over this request's D1 binding (one instance per isolate, db/for-env.ts). */
export const getDb = cache(async (): Promise<Database> => databaseForEnv(await getEnv()));

export type { Database } from "./database";
