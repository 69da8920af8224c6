// `npm start`: the newcomer path. .dev.vars, migrations, seed, the local mail sink, then the worker in workerd.
import { readFileSync } from "node:fs";
import { ensureDevVars, parseVars } from "./local-env";
import { startMailSink } from "./mail-sink";
import { run, start, waitForUrl } from "./run";
import { seed } from "./seed";

const began = Date.now();
const { created } = ensureDevVars();
console.log(created ? "Created .dev.vars from .dev.vars.example (fresh secret)." : "Using your .dev.vars.");
const vars = parseVars(readFileSync(".dev.vars", "utf8"));
const appUrl = new URL(vars.BETTER_AUTH_URL ?? "http://localhost:8787");
const port = appUrl.port || "8787";

// The sink runs only when .dev.vars points mail at this machine; otherwise mail goes where it says.
let sinkUrl: string | null = null;
let sink: Awaited<ReturnType<typeof startMailSink>> | null = null;
const mailTarget = vars.RESEND_BASE_URL ? new URL(vars.RESEND_BASE_URL) : null;
if (mailTarget && ["127.0.0.1", "localhost"].includes(mailTarget.hostname)) {
  sink = await startMailSink({ port: Number(mailTarget.port || 8025), host: "127.0.0.1", quiet: true });
  sinkUrl = sink.url;
}

await run("wrangler", ["d1", "migrations", "apply", "DB", "--local"]);
const seeded = await seed({ quiet: true });
await run("npm", ["run", "build:worker"]);
const server = start("npm", ["run", "serve"], { PORT: port });

function stop() {
  server.kill("SIGTERM");
  void sink?.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => {
  void sink?.close();
  process.exit(code ?? 0);
});

await waitForUrl(`http://127.0.0.1:${port}/sign-in`);
const seconds = ((Date.now() - began) / 1000).toFixed(0);
console.log(`
  Gatehouse is running (ready in ${seconds} s)

  Console   ${appUrl.origin}
  Inbox     ${sinkUrl ?? `mail goes to ${vars.RESEND_BASE_URL ?? "Resend"}`}
  Operator  ${seeded.operator.email}  password: ${seeded.operator.password ?? "(unchanged from an earlier run)"}
  Demo      alice@acme.test, dave@globex.test, …  password: ${seeded.demoPassword}

  Ctrl+C stops everything.
`);
