// Settings that come from .dev.vars locally and from `wrangler secret put` in production.
// `wrangler types` (npm run cf-typegen) generates the bindings in cloudflare-env.d.ts; these merge into it.
interface CloudflareEnv {
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  /** "1" only in the worker `npm run bench` serves: counts D1 statements and enables /api/bench. */
  BENCH_INSTRUMENT?: string;
}
