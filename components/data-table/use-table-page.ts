import { use } from "react";

/**
 * What a table page hands its client table (lib/data-table/page-load.ts `tablePage`): the rows already read on a page
 * load, or the pending read on a client-side navigation.
 */
export type TablePage<T> = T | Promise<T>;

/** The rows of a `TablePage`: at once when they were read already, else through `use()` (suspending until they are). */
export function useTablePage<T>(page: TablePage<T>): T {
  // A thenable, not `instanceof Promise`: what React hands the client for a promise is its own thenable.
  return typeof (page as { then?: unknown }).then === "function" ? use(page as Promise<T>) : (page as T);
}
