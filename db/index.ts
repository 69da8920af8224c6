import "server-only";
import { getCloudflareContext } from "@opennextjs/cloudflare";
import { drizzle } from "drizzle-orm/d1";
import { cache } from "react";
import { d1Binding } from "./d1";
import { requestD1Handle } from "./d1-session";
import type { Database } from "./database";
import * as schema from "./schema";

/** The request's Cloudflare env (bindings and settings); the D1 binding exists only inside a request. */
export async function getEnv(): Promise<CloudflareEnv> {
  const { env } = await getCloudflareContext({ async: true });
  return env;
}

/** Drizzle over this request's D1 binding, built once per request. */
export const getDb = cache(async (): Promise<Database> => {
  const env = await getEnv();
  return drizzle(d1Binding(requestD1Handle(env), env), { schema });
});

export type { Database } from "./database";
