// `npm run bench:profile -- <path> [operator|owner] [requests]`: where a page's CPU goes. Against a worker the
// bench setup serves (`wrangler dev --persist-to bench/state` with the bench's settings, see README "Performance"),
// it signs in, warms the page up, records a V8 CPU profile through wrangler's inspector (127.0.0.1:9229, or BENCH_INSPECTOR_PORT) around
// N requests, writes it to .deploy-dry-run/<page>.cpuprofile (open it in Chrome DevTools) and prints the heaviest
// frames, inclusive and self, per request.
import { writeFileSync } from "node:fs";
import WebSocket from "ws";

const BASE = process.env.BENCH_BASE ?? "http://localhost:8899";
/** wrangler dev's inspector (`--inspector-port`); another worker on the machine may hold the default. */
const INSPECTOR = Number(process.env.BENCH_INSPECTOR_PORT ?? 9229);
const [path = "/", who = "operator", count = "20"] = process.argv.slice(2);
const n = Number(count);

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: Frame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: BASE, "cf-connecting-ip": "198.19.9.9" },
  body: JSON.stringify({ email: `${who}@bench.test`, password: "bench-password-1" }),
});
if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
const cookie = signIn.headers
  .getSetCookie()
  .map((line) => line.split(";")[0])
  .join("; ");
// A page load, as a browser makes it (Accept: text/html: see lib/data-table/page-load.ts).
const accept = "text/html,application/xhtml+xml,*/*;q=0.8";
const load = async () =>
  (await fetch(`${BASE}${path}`, { headers: { cookie, accept }, redirect: "manual" })).arrayBuffer();

// wrangler's inspector proxy wants an Origin header, which Node's built-in WebSocket cannot send.
const socket = new WebSocket(`ws://127.0.0.1:${INSPECTOR}/ws`, { origin: "https://devtools.devprod.cloudflare.dev" });
await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
let nextId = 0;
const waiting = new Map<number, (result: unknown) => void>();
socket.on("message", (data) => {
  const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
  if (message.id !== undefined) waiting.get(message.id)?.(message.result);
});
function send<T>(method: string, params: object = {}): Promise<T> {
  nextId += 1;
  const id = nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve as (result: unknown) => void);
    socket.send(JSON.stringify({ id, method, params }));
  });
}

for (let i = 0; i < 5; i += 1) await load();
await send("Profiler.enable");
await send("Profiler.setSamplingInterval", { interval: 100 });
await send("Profiler.start");
for (let i = 0; i < n; i += 1) await load();
const { profile } = await send<{ profile: Profile }>("Profiler.stop");
socket.close();
const file = `.deploy-dry-run/${path.replace(/[^a-z0-9]+/gi, "_") || "root"}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (f: Frame) => `${f.functionName || "(anonymous)"} ${f.url.split("/").at(-1) ?? ""}:${f.lineNumber}`;
const inclusive = new Map<string, number>();
const self = new Map<string, number>();
let busy = 0;
profile.samples.forEach((sample, i) => {
  const node = byId.get(sample);
  if (!node || node.callFrame.functionName === "(idle)") return;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  busy += ms;
  self.set(label(node.callFrame), (self.get(label(node.callFrame)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
    const key = label((byId.get(id) as Profile["nodes"][number]).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
});
const top = (map: Map<string, number>, rows: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([key, ms]) => `  ${(ms / n).toFixed(2).padStart(7)} ms  ${key}`)
    .join("\n");
console.log(`${path}: ${(busy / n).toFixed(1)} ms of JavaScript CPU per request (profiled; ${file})`);
console.log(`inclusive:\n${top(inclusive, 40)}\nself:\n${top(self, 25)}`);
