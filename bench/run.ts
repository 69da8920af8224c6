// `npm run bench`: builds the worker, seeds a dedicated local D1 (100k users, a 5,000-member organization), serves
// the worker in workerd on loopback, drives a bounded sequential load, and writes bench/results.json.
// Not part of `npm test`: numbers depend on the machine; budgets are checked here and printed, not asserted in tests.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { openLocal } from "../scripts/local-env";
import { OFFLINE_ENV, run, start, waitForUrl } from "../scripts/run";
import { BENCH_ORG_MEMBERS, BENCH_ORG_SLUG, BENCH_USERS, bulkSql } from "./seed-data";

const PORT = Number(process.env.BENCH_PORT ?? 8899);
const BASE = `http://localhost:${PORT}`;
const PERSIST = "bench/state";
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const PASSWORD = "bench-password-1";
const ACCOUNTS = {
  operator: { email: "operator@bench.test", name: "Bench Operator", role: "admin" as const },
  owner: { email: "owner@bench.test", name: "Bench Owner", role: "user" as const },
};
const VARS: Record<string, string> = {
  BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
  BETTER_AUTH_URL: BASE,
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: "http://127.0.0.1:9", // no mail is sent during the bench; a send would fail loudly
  BENCH_INSTRUMENT: "1",
};

const began = Date.now();
const log = (message: string) => console.log(`[bench +${((Date.now() - began) / 1000).toFixed(0)}s] ${message}`);

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 10) / 10;
}

// --- build and measure the bundle -----------------------------------------------------------------------------
if (!process.env.BENCH_SKIP_BUILD) {
  log("building the worker");
  await run("npm", ["run", "build:worker"]);
}
log("wrangler deploy --dry-run");
const dryRun = execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", ".deploy-dry-run"], {
  env: { ...process.env, ...OFFLINE_ENV },
  encoding: "utf8",
});
const workerGzipKib = Number(/gzip:\s*([\d.]+)\s*KiB/.exec(dryRun)?.[1] ?? Number.NaN);

// --- seed -------------------------------------------------------------------------------------------------------
log(`seeding ${BENCH_USERS.toLocaleString("en")} users into ${PERSIST}`);
rmSync(PERSIST, { recursive: true, force: true });
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST]);
const local = await openLocal({ persistTo: PERSIST, vars: VARS });
const ids: Record<keyof typeof ACCOUNTS, string> = { operator: "", owner: "" };
for (const [key, account] of Object.entries(ACCOUNTS) as [keyof typeof ACCOUNTS, (typeof ACCOUNTS)["owner"]][]) {
  const { user } = await local.auth.api.createUser({
    body: { ...account, password: PASSWORD, data: { emailVerified: true } },
  });
  ids[key] = user.id;
}
const org = await local.auth.api.createOrganization({
  body: { name: "Bench Org", slug: BENCH_ORG_SLUG, userId: ids.owner },
});
await local.dispose();
if (!org) throw new Error("could not create the bench organization");

const sqlFile = `${PERSIST}/bulk.sql`;
writeFileSync(sqlFile, [...bulkSql({ orgId: org.id, now: Date.now() })].join("\n"));
await run("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", PERSIST, "--file", sqlFile, "--yes"]);
log("seeded");

// --- serve ------------------------------------------------------------------------------------------------------
function workerdPids() {
  return new Set(
    readdirSync("/proc").filter((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("workerd");
      } catch {
        return false;
      }
    }),
  );
}
/** CPU seconds (user + system) used so far by these processes. */
function cpuSeconds(pids: Iterable<string>) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100;
}

const before = workerdPids();
const args = ["dev", "--ip", "127.0.0.1", "--port", String(PORT), "--persist-to", PERSIST];
args.push("--show-interactive-dev-session=false", "--log-level", "error");
for (const [key, value] of Object.entries(VARS)) args.push("--var", `${key}:${value}`);
const server = start("wrangler", args);
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

try {
  await waitForUrl(`${BASE}/sign-in`, 120_000);
  const ours = [...workerdPids()].filter((pid) => !before.has(pid));

  let ipCounter = 0;
  const nextIp = () => {
    ipCounter += 1;
    return `198.18.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
  };
  async function signIn(email: string) {
    const response = await fetch(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, "cf-connecting-ip": nextIp() },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }
  const cookies = { operator: await signIn(ACCOUNTS.operator.email), owner: await signIn(ACCOUNTS.owner.email) };

  async function d1Count(request: () => Promise<unknown>) {
    await fetch(`${BASE}/api/bench?op=d1`);
    await request();
    const { statements } = (await (await fetch(`${BASE}/api/bench?op=d1`)).json()) as { statements: number };
    return statements;
  }

  async function measure(name: string, request: (i: number) => Promise<Response>) {
    for (let i = 0; i < 5; i += 1) await (await request(i)).arrayBuffer(); // warm-up
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < SAMPLES; i += 1) {
      const t0 = performance.now();
      const response = await request(i);
      await response.arrayBuffer();
      times.push(performance.now() - t0);
      status = response.status;
    }
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push(await d1Count(async () => (await request(i)).arrayBuffer()));
    log(`${name}: status ${status}, p50 ${percentile(times, 50)} ms`);
    return { status, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), d1_queries: percentile(counts, 50) };
  }

  const get = (path: string, cookie: string) => () =>
    fetch(`${BASE}${path}`, { headers: { cookie, "cf-connecting-ip": nextIp() }, redirect: "manual" });

  const getSession = await measure("get-session", get("/api/auth/get-session", cookies.operator));
  const usersPage = await measure("admin users page", get("/admin/users", cookies.operator));
  const searchTerms = ["ada", "turing", "hopper.lamport", "mail.test", "grace", "kenji sato", "12345", "zzzz-none"];
  const usersSearch = await measure("admin users search", (i) =>
    get(`/admin/users?search=${encodeURIComponent(searchTerms[i % searchTerms.length] as string)}`, cookies.operator)(),
  );
  const membersPage = await measure("org members page", get(`/org/${BENCH_ORG_SLUG}/members`, cookies.owner));
  const signInTimes: number[] = [];
  for (let i = 0; i < Math.min(SAMPLES, 30); i += 1) {
    const t0 = performance.now();
    await signIn(ACCOUNTS.owner.email);
    signInTimes.push(performance.now() - t0);
  }

  /** First-load JS of a page: every script the served HTML loads, gzipped (what a browser downloads first). */
  async function firstLoadKib(path: string, cookie: string) {
    const response = await get(path, cookie)();
    if (response.status !== 200) return null;
    const html = await response.text();
    const sources = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] as string));
    let bytes = 0;
    for (const src of sources)
      bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer())).length;
    return Math.round((bytes / 1024) * 10) / 10;
  }
  const firstLoad = {
    "/sign-in": await firstLoadKib("/sign-in", ""),
    "/admin/users": await firstLoadKib("/admin/users", cookies.operator),
    "/org/[slug]/members": await firstLoadKib(`/org/${BENCH_ORG_SLUG}/members`, cookies.owner),
  };

  // CPU of password verification: workerd's own CPU time around N verifications in one request.
  const n = 100;
  const cpu0 = cpuSeconds(ours);
  await (await fetch(`${BASE}/api/bench?op=verify&n=${n}`)).json();
  const cpuMs = ((cpuSeconds(ours) - cpu0) * 1000) / (n + 1); // n verifications + the one hash they check against

  const results = {
    worker_gzip_kib: workerGzipKib,
    get_session: { p50_ms: getSession.p50_ms, p95_ms: getSession.p95_ms, d1_queries: getSession.d1_queries },
    admin_users_page: { users: BENCH_USERS, status: usersPage.status, ...pick(usersPage) },
    admin_users_search: { users: BENCH_USERS, status: usersSearch.status, ...pick(usersSearch) },
    org_members_page: {
      members: BENCH_ORG_MEMBERS,
      status: membersPage.status,
      p50_ms: membersPage.p50_ms,
      d1_queries: membersPage.d1_queries,
    },
    sign_in: { p50_ms: percentile(signInTimes, 50), cpu_ms: Math.round(cpuMs * 10) / 10 },
    first_load_js_kib: firstLoad,
    measured_at: new Date().toISOString(),
    samples: SAMPLES,
  };
  writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
} finally {
  stop();
}

function pick(m: { p50_ms: number; p95_ms: number; d1_queries: number }) {
  return { p50_ms: m.p50_ms, p95_ms: m.p95_ms, d1_queries: m.d1_queries };
}

function printTable(r: {
  worker_gzip_kib: number;
  get_session: { p50_ms: number; p95_ms: number; d1_queries: number };
  admin_users_page: { status: number; p50_ms: number; p95_ms: number; d1_queries: number };
  admin_users_search: { status: number; p50_ms: number; p95_ms: number; d1_queries: number };
  org_members_page: { status: number; p50_ms: number; d1_queries: number };
  sign_in: { p50_ms: number; cpu_ms: number };
  first_load_js_kib: Record<string, number | null>;
}) {
  const ok = (pass: boolean) => (pass ? "ok" : "OVER");
  const rows: [string, string, string, string][] = [
    ["worker gzip", `${r.worker_gzip_kib} KiB`, "≤ 3072 KiB", ok(r.worker_gzip_kib <= 3072)],
    ["get-session p50 / p95", `${r.get_session.p50_ms} / ${r.get_session.p95_ms} ms`, "", ""],
    ["get-session D1 queries", String(r.get_session.d1_queries), "≤ 1", ok(r.get_session.d1_queries <= 1)],
    [
      `/admin/users p50 (HTTP ${r.admin_users_page.status})`,
      `${r.admin_users_page.p50_ms} ms`,
      "≤ 150 ms",
      ok(r.admin_users_page.status === 200 && r.admin_users_page.p50_ms <= 150),
    ],
    ["/admin/users D1 queries", String(r.admin_users_page.d1_queries), "≤ 3", ok(r.admin_users_page.d1_queries <= 3)],
    [
      `/admin/users search p50 (HTTP ${r.admin_users_search.status})`,
      `${r.admin_users_search.p50_ms} ms`,
      "≤ 150 ms",
      ok(r.admin_users_search.status === 200 && r.admin_users_search.p50_ms <= 150),
    ],
    [
      `/org/[slug]/members p50 (HTTP ${r.org_members_page.status})`,
      `${r.org_members_page.p50_ms} ms`,
      "≤ 150 ms",
      ok(r.org_members_page.status === 200 && r.org_members_page.p50_ms <= 150),
    ],
    ["sign-in p50", `${r.sign_in.p50_ms} ms`, "", ""],
    ["password verification CPU", `${r.sign_in.cpu_ms} ms`, "≤ 50 ms", ok(r.sign_in.cpu_ms <= 50)],
    ...Object.entries(r.first_load_js_kib).map(([route, kib]): [string, string, string, string] => [
      `first-load JS ${route}`,
      kib === null ? "(no route)" : `${kib} KiB`,
      "≤ 250 KiB",
      kib === null ? "n/a" : ok(kib <= 250),
    ]),
  ];
  const width = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  console.log("");
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(width[c] ?? 0)).join("  "));
  console.log(`\nwritten to bench/results.json (${((Date.now() - began) / 60000).toFixed(1)} min)`);
}
