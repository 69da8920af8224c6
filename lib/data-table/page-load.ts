import "server-only";
import { headers } from "next/headers";

/**
 * Waits for a table's rows when this request is a full page load, so the server renders the rows at once; on a
 * client-side navigation it returns at once, and the table's `<Suspense>` shows its skeleton while the rows stream in.
 * On a page load the skeleton would be replaced within the same response before the browser painted it, and
 * rendering it, then the rows and the script that swaps them, cost about 2 ms of CPU per /admin/users load (README,
 * "Performance"). A browser's page load asks for HTML (`Accept: text/html`); Next's client router does not.
 *
 * The promises are passed on to the tables unchanged: a query that failed still fails inside the table's boundary.
 */
export async function settleOnPageLoad(...pending: Promise<unknown>[]): Promise<void> {
  const accept = (await headers()).get("accept") ?? "";
  if (accept.includes("text/html")) await Promise.allSettled(pending);
}
