import { createTableSearchParams } from "@/lib/data-table/search-params";

/** The keys list (no paging: an organization has few keys; the data table still keeps its state in the URL). */
export const apiKeysSearchParams = createTableSearchParams({
  sortable: ["createdAt"],
  defaultSort: "createdAt.desc",
});
