// The bench's reference for a password sign-in (bench/bare-auth.ts, README "Performance"): better-auth with email and
// password and nothing else (no plugins, hooks, rate limit, lockout or audit), over the same D1 tables through the same
// Drizzle adapter, hashing with the same scrypt (lib/auth/password.ts), its router built once per isolate as
// cachedAuthHandler builds ours. What a sign-in costs here beside its hash is what the library and the local runtime
// cost before any of Gatehouse's rules. Served only by the bench, never deployed.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema";
import { cachedAuthHandler } from "../../lib/auth/auth-handler";
import { hashPassword, verifyPassword } from "../../lib/auth/password";

interface Env {
  DB: D1Database;
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
}

const built = new WeakMap<object, ReturnType<typeof build>>();
function build(env: Env) {
  return betterAuth({
    database: drizzleAdapter(drizzle(env.DB, { schema }), { provider: "sqlite", schema }),
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.BETTER_AUTH_URL,
    emailAndPassword: { enabled: true, password: { hash: hashPassword, verify: verifyPassword } },
    rateLimit: { enabled: false },
  });
}

export default {
  async fetch(request, env) {
    let auth = built.get(env);
    if (!auth) {
      auth = build(env);
      built.set(env, auth);
    }
    const url = new URL(request.url);
    // GET /verify?n=N: N password verifications in one request, as /api/bench?op=verify measures ours.
    if (url.pathname === "/verify") {
      const n = Math.min(Math.max(Number(url.searchParams.get("n")) || 1, 1), 200);
      const hash = await hashPassword("bench-password-1");
      for (let i = 0; i < n; i += 1) await verifyPassword({ hash, password: "bench-password-1" });
      return Response.json({ n });
    }
    const response = await cachedAuthHandler(auth as never)(request);
    return new Response(response.body, response);
  },
} satisfies ExportedHandler<Env>;
