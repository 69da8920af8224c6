import "server-only";
import { headers } from "next/headers";
import { type ReactNode, Suspense } from "react";

/**
 * The boundary a table page puts around its table while the rows stream in. On a client-side navigation it shows the
 * table's skeleton; on a page load (a browser asks for `text/html`; Next's client router does not) it shows nothing,
 * because the rows arrive in the same response before the browser paints: rendering a skeleton only to swap it out
 * cost about 2 ms of CPU on every table page load and 35 KB of HTML on /admin/users (README, "Performance").
 * The boundary itself is the same either way, so the table is never remounted between the two.
 */
export async function TableSuspense({ skeleton, children }: { skeleton: ReactNode; children: ReactNode }) {
  const pageLoad = ((await headers()).get("accept") ?? "").includes("text/html");
  return <Suspense fallback={pageLoad ? null : skeleton}>{children}</Suspense>;
}
