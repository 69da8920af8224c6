// URL state of /admin/organizations, shared by the page (server) and the table (client).
import { createTableSearchParams } from "@/lib/data-table/search-params";

export const organizationsSearchParams = createTableSearchParams({
  sortable: ["name", "createdAt", "members"],
  defaultSort: "createdAt.desc",
});
