// The bench's reference for a password sign-in: better-auth alone (bench/bare-auth/worker.ts) in its own wrangler dev
// on a fresh D1 with the same migrations, measured as the bench measures ours (bench/cpu.ts). Gatehouse's sign-in
// budget is its hash + 10 ms; this says how much of that the library and the local runtime take before any of our
// rules run (README, "Performance").
import { rmSync } from "node:fs";
import { run, start } from "../scripts/run";
import { busiestDuring, cpuMs, median, workerdPids } from "./cpu";
import { r1 } from "./table";

const CONFIG = "bench/bare-auth/wrangler.toml";
const PERSIST = "bench/state-bare";
const PASSWORD = "bench-password-1";
const EMAIL = "bare@bench.test";

export interface BareSignIn {
  /** CPU of one password sign-in (median of rounds of 10). */
  cpu_ms: number;
  /** CPU of one password verification in the same worker (100 in one request). */
  password_hash_cpu_ms: number;
  /** The median, over rounds, of a sign-in's CPU minus the verification's measured right after it. */
  over_hash_cpu_ms: number;
}

export async function measureBareSignIn(port: number, rounds: number): Promise<BareSignIn> {
  const base = `http://localhost:${port}`;
  rmSync(PERSIST, { recursive: true, force: true });
  await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", PERSIST, "-c", CONFIG]);
  const before = workerdPids();
  const args = ["dev", "-c", CONFIG, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", PERSIST];
  args.push("--show-interactive-dev-session=false", "--log-level", "error", "--inspector-port", String(port + 1000));
  args.push("--var", "BETTER_AUTH_SECRET:bench-secret-0123456789abcdef0123456789abcdef");
  args.push("--var", `BETTER_AUTH_URL:${base}`);
  const server = start("wrangler", args);
  try {
    const deadline = Date.now() + 120_000;
    const signUp = () =>
      fetch(`${base}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD, name: "Bare" }),
      }).then(
        (r) => r.status,
        () => 0,
      );
    let status = 0;
    while (status === 0 && Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`wrangler dev (bare better-auth) exited (${server.exitCode})`);
      status = await signUp();
      if (status === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (status !== 200) throw new Error(`bare better-auth: sign-up answered ${status}`);
    // The process whose CPU a sign-in moves is the user worker's (wrangler's entry proxy only forwards).
    const started = [...workerdPids()].filter((pid) => !before.has(pid));
    const worker = (await busiestDuring(started, async () => void (await signIn()))).pid;
    async function signIn() {
      const response = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`bare better-auth: sign-in answered ${response.status}`);
    }
    const verify = async (n: number) => (await fetch(`${base}/verify?n=${n}`)).arrayBuffer();
    for (let i = 0; i < 5; i += 1) await signIn();
    await verify(10);
    const signIns: number[] = [];
    const hashes: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      let cpu0 = cpuMs(worker);
      for (let i = 0; i < 10; i += 1) await signIn();
      signIns.push((cpuMs(worker) - cpu0) / 10);
      cpu0 = cpuMs(worker);
      await verify(19); // 20 verifications with the hash they check
      hashes.push((cpuMs(worker) - cpu0) / 20);
    }
    return {
      cpu_ms: median(signIns),
      password_hash_cpu_ms: median(hashes),
      over_hash_cpu_ms: r1(median(signIns.map((cpu, i) => cpu - (hashes[i] ?? 0)))),
    };
  } finally {
    server.kill("SIGTERM");
  }
}

// `tsx bench/bare-auth.ts [port]`: the reference alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await measureBareSignIn(Number(process.argv[2] ?? 8897), 12));
  process.exit(0);
}
