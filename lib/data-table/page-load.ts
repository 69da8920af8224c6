import "server-only";
import { headers } from "next/headers";
import type { TablePage } from "@/components/data-table/use-table-page";

/**
 * A table's page of rows for its `page` prop: on a full page load, the rows themselves, so the server renders them at
 * once; on a client-side navigation, the pending read, and the table's `<Suspense>` shows its skeleton while the rows
 * stream in. A browser's page load asks for HTML (`Accept: text/html`); Next's client router does not.
 *
 * On a page load the skeleton would be replaced within the same response before the browser painted it, and
 * rendering it, then the rows and the script that swaps them in, cost CPU on every table page (README,
 * "Performance"). Awaiting the read and passing the promise on is not enough: React sends a promise as a row of its
 * own, which the table can reach before it arrives. A read that fails is passed on as it is, to fail inside the
 * table's boundary as before.
 */
export async function tablePage<T>(pending: Promise<T>): Promise<{ page: TablePage<T> }> {
  const accept = (await headers()).get("accept") ?? "";
  if (!accept.includes("text/html")) return { page: pending };
  try {
    return { page: await pending };
  } catch {
    return { page: pending };
  }
}
