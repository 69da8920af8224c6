// One better-auth instance per env object (the env is stable within an isolate, so this is built rarely), for the
// two ways in: Next's route handlers and pages (lib/auth/server.ts) and worker.ts's direct /api/auth/* path.
// No "server-only" and no next/* import: worker.ts bundles it outside Next.
import { databaseForEnv, perEnv } from "@/db/for-env";
import { type Auth, createAuth } from "./create-auth";

export { cachedAuthHandler } from "./auth-handler";

/** better-auth for this Cloudflare env. */
export const authForEnv: (env: CloudflareEnv) => Auth = perEnv((env) => createAuth(databaseForEnv(env), env));
