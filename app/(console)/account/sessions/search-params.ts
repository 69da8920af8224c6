// No "use client": imported by the page (parse) and by the table (URL state).
import { createTableSearchParams } from "@/lib/data-table/search-params";

/** The sessions table's URL state: sortable by last activity or sign-in time. */
export const sessionsSearchParams = createTableSearchParams({
  sortable: ["lastActive", "signedIn"],
  defaultSort: "lastActive.desc",
});
