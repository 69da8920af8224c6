// CPU time of the worker, read from outside: workerd's per-thread scheduler statistics in /proc (nanoseconds of CPU
// spent on any core, user and system), summed over the threads of the process that runs the user worker. Local
// D1's SQLite runs inside that process, so its work is part of every figure.
import { readdirSync, readFileSync } from "node:fs";

/** Pids of the running workerd processes. */
export function workerdPids(): Set<string> {
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

/** CPU milliseconds the process has used so far (all of its threads). */
export function cpuMs(pid: string): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {} // a thread that ended between the listing and the read
  }
  return ns / 1e6;
}

/**
 * The workerd process that runs the user worker, among those wrangler dev started: the one whose CPU grows by the
 * most while `probe` runs (wrangler's entry proxy only forwards), and how much it grew.
 */
export async function busiestDuring(pids: string[], probe: () => Promise<void>): Promise<{ pid: string; ms: number }> {
  const before = new Map(pids.map((pid) => [pid, cpuMs(pid)]));
  await probe();
  const grown = pids.map((pid) => ({ pid, ms: cpuMs(pid) - (before.get(pid) ?? 0) }));
  return grown.reduce((a, b) => (b.ms > a.ms ? b : a));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of a V8 CPU profile spent running anything (idle and garbage-collector-only samples aside). */
export function profileBusyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  let us = 0;
  profile.samples.forEach((sample, i) => {
    if (!idle.has(sample)) us += profile.timeDeltas[i] ?? 0;
  });
  return Math.round(us / 100) / 10;
}
