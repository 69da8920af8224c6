import { NextResponse } from "next/server";
import { takeD1Counters } from "@/db/d1";
import { publicRouteHandler } from "@/lib/auth/entry";
import { requireBenchMode } from "@/lib/auth/guard";
import { getAuth } from "@/lib/auth/server";

// Instruments for `npm run bench` (bench/run.ts); 404 unless the worker runs with BENCH_INSTRUMENT=1.
// GET ?op=d1  → statements, D1 calls (a batch is one), rows read and rows written since the last read (&sql=1: and their SQL; &rows=1: count
// rows from now on, which runs reads twice, so only in the bench's untimed pass); GET ?op=verify&n=N → N password
// verifications (the bench reads workerd's CPU time around this request to get the CPU cost of one verification).
export const GET = publicRouteHandler("api.bench", async (request: Request) => {
  await requireBenchMode();
  const url = new URL(request.url);
  if (url.searchParams.get("op") === "verify") {
    const n = Math.min(Math.max(Number(url.searchParams.get("n")) || 1, 1), 200);
    const ctx = await (await getAuth()).$context;
    const hash = await ctx.password.hash("bench-password-1");
    const hashDone = Date.now();
    for (let i = 0; i < n; i += 1) await ctx.password.verify({ hash, password: "bench-password-1" });
    return NextResponse.json({ n, hashDone });
  }
  const { statements, calls, rowsRead, rowsWritten } = takeD1Counters(url.searchParams.get("rows") === "1");
  // &sql=1 also lists them, to see which queries a page issues (curl 'localhost:8899/api/bench?op=d1&sql=1').
  return NextResponse.json({
    statements: statements.length,
    calls,
    rows_read: rowsRead,
    rows_written: rowsWritten,
    ...(url.searchParams.get("sql") ? { sql: statements } : {}),
  });
});
