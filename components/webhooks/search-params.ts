import { createTableSearchParams, multiFilter } from "@/lib/data-table/search-params";

/** An endpoint's delivery log: newest first, filtered by status. */
export const deliveriesSearchParams = createTableSearchParams({
  sortable: ["createdAt"],
  defaultSort: "createdAt.desc",
  filters: { status: multiFilter(["pending", "succeeded", "failed"]) },
});

/** The endpoints list (no paging; the data table still keeps its state in the URL). */
export const endpointsSearchParams = createTableSearchParams({
  sortable: ["createdAt"],
  defaultSort: "createdAt.desc",
});
