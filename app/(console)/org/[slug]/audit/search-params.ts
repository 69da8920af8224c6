import { createTableSearchParams, multiFilter } from "@/lib/data-table/search-params";
import { ORG_AUDIT_ACTION_NAMES } from "@/lib/org-audit-actions";

/** The organization audit log's URL state. */
export const auditSearchParams = createTableSearchParams({
  sortable: ["at", "action"],
  defaultSort: "at.desc",
  filters: { action: multiFilter(ORG_AUDIT_ACTION_NAMES) },
});
