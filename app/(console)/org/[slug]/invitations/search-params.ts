import { createTableSearchParams } from "@/lib/data-table/search-params";

/** The pending invitations table's URL state. */
export const invitationsSearchParams = createTableSearchParams({
  sortable: ["email", "expiresAt", "createdAt"],
  defaultSort: "expiresAt.asc",
});
