// Where the end-to-end servers listen and the seeded accounts (scripts/e2e-server.ts creates them).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8788);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const SINK_URL = `http://127.0.0.1:${Number(process.env.E2E_SINK_PORT ?? 8126)}`;
/** The local D1 state of the end-to-end worker (made fresh at each run). */
export const E2E_PERSIST = ".wrangler/e2e";
/** Organization limits of the end-to-end worker: small, so the limit messages can be reached in a test. */
export const E2E_ORG_LIMITS = { teams: 3, pendingInvitations: 4 };
export const OPERATOR = { email: "operator@e2e.test", password: "operator-password-e2e" };
/** Platform support staff (role support): can look and impersonate, not punish. */
export const SUPPORT = { email: "support@e2e.test", password: "support-password-e2e" };
export const DEMO_PASSWORD = "gatehouse-demo-1";
