// Settings that come from .dev.vars locally and from `wrangler secret put` in production.
// `wrangler types` (npm run cf-typegen) generates the bindings in cloudflare-env.d.ts; these merge into it.
interface CloudflareEnv {
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  /** "off" stops the impersonation notice mail (default on). */
  IMPERSONATION_NOTICE?: string;
  /** "1" only in the worker `npm run bench` serves: counts D1 statements and enables /api/bench. */
  BENCH_INSTRUMENT?: string;
  /** "on" runs each request on one D1 session, so reads may be served by read replicas (README, "Read replicas"). */
  D1_READ_REPLICATION?: string;
  /** Organization limits (positive integers; defaults in lib/auth/org-limits.ts). */
  ORG_MAX_MEMBERS?: string;
  ORG_MAX_PENDING_INVITATIONS?: string;
  ORG_MAX_TEAMS?: string;
  /** Product tokens (lib/auth/plugins/product-tokens.ts): lifetime in seconds, audience, key rotation in days. */
  JWT_EXPIRES_IN?: string;
  JWT_AUDIENCE?: string;
  JWT_KEY_ROTATION_DAYS?: string;
  /** Origins (comma-separated) whose pages may call GET /api/auth/token with credentials (lib/security/cors.ts). */
  PRODUCT_ORIGINS?: string;
  /** Webhooks (lib/webhooks/settings.ts): retry waits in seconds, loopback endpoints, retention in days. */
  WEBHOOK_RETRY_SECONDS?: string;
  WEBHOOK_ALLOW_LOOPBACK?: string;
  WEBHOOK_RETENTION_DAYS?: string;
  /** Social sign-in (lib/auth/social.ts): each provider is on only when its client id and secret are set. */
  GOOGLE_CLIENT_ID?: string;
  GOOGLE_CLIENT_SECRET?: string;
  GITHUB_CLIENT_ID?: string;
  GITHUB_CLIENT_SECRET?: string;
  OIDC_DISCOVERY_URL?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_PROVIDER_NAME?: string;
  OIDC_PROVIDER_ID?: string;
  ORG_MAX_PER_USER?: string;
  /** DNS-over-HTTPS endpoint (JSON API) for domain ownership checks; default Cloudflare's (lib/organization/dns.ts). */
  DNS_RESOLVER_URL?: string;
  /** Invitations one organization may send in bulk per hour (default 200). */
  ORG_BULK_INVITATIONS_PER_HOUR?: string;
}
