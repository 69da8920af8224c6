// Helpers shared by the Node scripts (seed, start, e2e server): .dev.vars and the local D1 through wrangler.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { drizzle } from "drizzle-orm/d1";
import { getPlatformProxy } from "wrangler";
import * as schema from "../db/schema";
import { type AuthSettings, createAuth } from "../lib/auth/create-auth";

/** Parses a dotenv-style file (KEY=value lines, # comments). */
export function parseVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match?.[1]) continue;
    vars[match[1]] = (match[2] ?? "").replace(/^(['"])(.*)\1$/, "$2");
  }
  return vars;
}

/** Creates .dev.vars from .dev.vars.example with a fresh secret, unless it exists (it is never overwritten). */
export function ensureDevVars(path = ".dev.vars"): { created: boolean } {
  if (existsSync(path)) return { created: false };
  const example = readFileSync(".dev.vars.example", "utf8");
  const secret = randomBytes(32).toString("base64url");
  const operatorPassword = randomBytes(12).toString("base64url");
  const text = example
    .replace(/^BETTER_AUTH_SECRET=.*$/m, `BETTER_AUTH_SECRET=${secret}`)
    .replace(/^# SEED_ADMIN_PASSWORD=.*$/m, `SEED_ADMIN_PASSWORD=${operatorPassword}`);
  writeFileSync(path, text, { mode: 0o600 });
  return { created: true };
}

/** The local D1 (the same state `wrangler dev` uses) and better-auth built with the project's options. */
export async function openLocal(options: { persistTo?: string; vars?: Record<string, string> } = {}) {
  const proxy = await getPlatformProxy<CloudflareEnv>({
    configPath: "wrangler.toml",
    persist: options.persistTo ? { path: `${options.persistTo}/v3` } : true,
  });
  const settings = { ...proxy.env, ...options.vars } as unknown as AuthSettings;
  if (!settings.BETTER_AUTH_SECRET || !settings.BETTER_AUTH_URL) {
    await proxy.dispose();
    throw new Error("BETTER_AUTH_SECRET and BETTER_AUTH_URL must be set (.dev.vars; `npm start` creates it).");
  }
  const db = drizzle(proxy.env.DB, { schema });
  return { db, auth: createAuth(db, settings), settings, dispose: () => proxy.dispose() };
}
