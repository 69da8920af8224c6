// `npm run test:outside`: the security suite (e2e/security) from outside, against the worker `npm run preview`
// serves with your .dev.vars and its local D1. Start `npm run preview` first (after `npm start` once, which writes
// .dev.vars and seeds the operator); this script finds the mail sink .dev.vars names, or runs one for the length of
// the run. The specs add throwaway @e2e.test accounts and organizations to that local database.
import { existsSync, readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "../e2e/config";
import { parseVars } from "./local-env";
import { startMailSink } from "./mail-sink";
import { start } from "./run";

function fail(message: string): never {
  console.error(`test:outside: ${message}`);
  process.exit(2);
}

async function answers(url: string) {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(".dev.vars")) fail("no .dev.vars: run `npm start` once (it writes .dev.vars and seeds the operator).");
const vars = parseVars(readFileSync(".dev.vars", "utf8"));
const app = new URL(vars.BETTER_AUTH_URL ?? "http://localhost:8787");
if (app.hostname !== "localhost" || app.protocol !== "http:") {
  fail(`BETTER_AUTH_URL is ${app.origin}; the suite runs against a local preview at http://localhost:<port>.`);
}
if (!vars.SEED_ADMIN_PASSWORD) fail("SEED_ADMIN_PASSWORD is not set in .dev.vars: the suite signs in as the operator.");
const mail = vars.RESEND_BASE_URL ? new URL(vars.RESEND_BASE_URL) : null;
if (!mail || !["127.0.0.1", "localhost"].includes(mail.hostname)) {
  fail("RESEND_BASE_URL must point at the local mail sink (the suite reads the mail it sends).");
}
const port = app.port || "80";
if (!(await answers(`${app.origin}/sign-in`))) fail(`nothing answers at ${app.origin}: start \`npm run preview\`.`);

const sinkPort = Number(mail.port || 80);
const sink = (await answers(`http://127.0.0.1:${sinkPort}/`))
  ? null
  : await startMailSink({ port: sinkPort, host: "127.0.0.1", quiet: true });
console.log(
  `test:outside: ${app.origin}, mail ${sink ? `in a sink started here on ${sinkPort}` : `from the sink on ${sinkPort}`}`,
);

const tests = start("playwright", ["test", "--config", "e2e/outside.config.ts", ...process.argv.slice(2)], {
  E2E_PORT: port,
  E2E_SINK_PORT: String(sinkPort),
  E2E_PERSIST: ".wrangler/state",
  E2E_OPERATOR_EMAIL: vars.SEED_ADMIN_EMAIL ?? "admin@gatehouse.local",
  E2E_OPERATOR_PASSWORD: vars.SEED_ADMIN_PASSWORD,
  E2E_SUPPORT_EMAIL: vars.SEED_SUPPORT_EMAIL ?? "support@gatehouse.local",
  E2E_SUPPORT_PASSWORD: vars.SEED_SUPPORT_PASSWORD || DEMO_PASSWORD,
  // A second run within the rate limits' windows must not share the first one's client addresses.
  E2E_IP_OFFSET: String(1 + Math.floor(Math.random() * 248)),
});
tests.on("exit", async (code) => {
  await sink?.close();
  process.exit(code ?? 1);
});
