// URL state of the two tables on a user's page (prefixed keys so they do not collide with each other).
import { createTableSearchParams } from "@/lib/data-table/search-params";

export const userAuditSearchParams = createTableSearchParams({
  sortable: ["at"],
  defaultSort: "at.desc",
  perPageOptions: [10, 20, 50],
  defaultPerPage: 10,
  urlKeyPrefix: "audit_",
});

export const userSessionsSearchParams = createTableSearchParams({
  sortable: ["updatedAt"],
  defaultSort: "updatedAt.desc",
  urlKeyPrefix: "sessions_",
});
