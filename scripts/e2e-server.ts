// Started by Playwright (playwright.config.ts webServer): a fresh local D1, the seed, the mail sink and the
// already-built worker in workerd, all with test settings that never touch your .dev.vars state.
import { rmSync } from "node:fs";
import {
  BASE_URL,
  DOH_URL,
  E2E_ORG_LIMITS,
  E2E_PERSIST,
  E2E_PORT,
  E2E_TOKEN_SECONDS,
  OIDC_PORT,
  OIDC_PROVIDER_NAME,
  OPERATOR,
  PRODUCT_URL,
  SINK_URL,
  SUPPORT,
} from "../e2e/config";
import { OIDC_CLIENT, startOidcProvider } from "../test/oidc-provider";
import { startDohResolver } from "./doh-resolver";
import { startMailSink } from "./mail-sink";
import { run, start } from "./run";
import { seed } from "./seed";

const persistTo = E2E_PERSIST;
const sinkPort = Number(new URL(SINK_URL).port);

const vars: Record<string, string> = {
  BETTER_AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
  BETTER_AUTH_URL: BASE_URL,
  RESEND_API_KEY: "re_e2e",
  RESEND_BASE_URL: SINK_URL,
  MAIL_FROM: "Gatehouse <no-reply@e2e.test>",
  SEED_ADMIN_EMAIL: OPERATOR.email,
  SEED_ADMIN_PASSWORD: OPERATOR.password,
  SEED_SUPPORT_EMAIL: SUPPORT.email,
  SEED_SUPPORT_PASSWORD: SUPPORT.password,
  ORG_MAX_TEAMS: String(E2E_ORG_LIMITS.teams),
  ORG_MAX_PENDING_INVITATIONS: String(E2E_ORG_LIMITS.pendingInvitations),
  // The example product's page fetches tokens; tokens expire fast enough to watch; webhooks go to loopback
  // receivers and are retried a second apart (the specs run the cron through /__scheduled).
  PRODUCT_ORIGINS: PRODUCT_URL,
  JWT_EXPIRES_IN: String(E2E_TOKEN_SECONDS),
  WEBHOOK_ALLOW_LOOPBACK: "on",
  WEBHOOK_RETRY_SECONDS: "1,1,1,1,1",
  DNS_RESOLVER_URL: DOH_URL,
};

rmSync(persistTo, { recursive: true, force: true });
const sink = await startMailSink({ port: sinkPort, host: "127.0.0.1", quiet: true });
// The OpenID provider first: the worker reads its discovery document when it starts.
const oidc = await startOidcProvider({ port: OIDC_PORT, redirectUris: [`${BASE_URL}/api/auth/callback/oidc`] });
Object.assign(vars, {
  OIDC_DISCOVERY_URL: oidc.discoveryUrl,
  OIDC_CLIENT_ID: OIDC_CLIENT.id,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
  OIDC_PROVIDER_NAME,
});
const resolver = await startDohResolver({ port: Number(new URL(DOH_URL).port) });
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
await seed({ persistTo: persistTo, vars, quiet: true });

const args = ["dev", "--ip", "127.0.0.1", "--port", String(E2E_PORT), "--persist-to", persistTo];
// --test-scheduled: GET /__scheduled runs the Cron Trigger (worker.ts `scheduled`) on demand.
args.push("--show-interactive-dev-session=false", "--log-level", "warn", "--test-scheduled");
for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
const worker = start("wrangler", args);

function stop() {
  worker.kill("SIGTERM");
  void sink.close();
  void oidc.close();
  void resolver.close();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
worker.on("exit", (code) => {
  void sink.close();
  void oidc.close();
  void resolver.close();
  process.exit(code ?? 0);
});
