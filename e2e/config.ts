// Where the end-to-end servers listen and the seeded accounts (scripts/e2e-server.ts creates them).
// `npm run test:outside` (scripts/outside.ts) points the same specs at a running `npm run preview` through the
// E2E_* variables below; nothing else sets them.
const env = process.env;
export const E2E_PORT = Number(env.E2E_PORT ?? 8788);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const SINK_URL = `http://127.0.0.1:${Number(env.E2E_SINK_PORT ?? 8126)}`;
/** The example product (examples/product) the product specs start, whose origin may fetch tokens (PRODUCT_ORIGINS). */
export const PRODUCT_PORT = Number(env.E2E_PRODUCT_PORT ?? 8802);
export const PRODUCT_URL = `http://localhost:${PRODUCT_PORT}`;
/** The loopback webhook receiver of the webhook specs. */
export const WEBHOOK_PORT = Number(env.E2E_WEBHOOK_PORT ?? 8803);
/** Product token lifetime of the end-to-end worker: short, so a test can see a token expire. */
export const E2E_TOKEN_SECONDS = 20;
/**
 * The OpenID provider the e2e server starts on loopback before the worker (test/oidc-provider.ts), and how the console
 * names it.
 */
export const OIDC_PORT = Number(env.E2E_OIDC_PORT ?? 8794);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_PROVIDER_NAME = "Test IdP";
/** The local DNS-over-HTTPS resolver the e2e worker checks domain TXT records with (scripts/doh-resolver.ts). */
export const DOH_URL = `http://127.0.0.1:${Number(env.E2E_DOH_PORT ?? 8822)}/dns-query`;
/** The local D1 state of the end-to-end worker (made fresh at each run). */
export const E2E_PERSIST = env.E2E_PERSIST ?? ".wrangler/e2e";
/** Organization limits of the end-to-end worker: small, so the limit messages can be reached in a test. */
export const E2E_ORG_LIMITS = { teams: 3, pendingInvitations: 4 };
export const OPERATOR = {
  email: env.E2E_OPERATOR_EMAIL ?? "operator@e2e.test",
  password: env.E2E_OPERATOR_PASSWORD ?? "operator-password-e2e",
};
/** Platform support staff (role support): can look and impersonate, not punish. */
export const SUPPORT = {
  email: env.E2E_SUPPORT_EMAIL ?? "support@e2e.test",
  password: env.E2E_SUPPORT_PASSWORD ?? "support-password-e2e",
};
export const DEMO_PASSWORD = "gatehouse-demo-1";
/**
 * Added to the third part of every test's client address. 0 for the fresh e2e worker; a run against a lasting
 * database (test:outside) picks its own, so a second run soon after never meets the first one's rate-limit rows.
 */
export const CLIENT_IP_OFFSET = Number(env.E2E_IP_OFFSET ?? 0);
