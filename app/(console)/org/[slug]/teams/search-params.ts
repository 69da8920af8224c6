import { createTableSearchParams } from "@/lib/data-table/search-params";

/** The teams table's URL state. */
export const teamsSearchParams = createTableSearchParams({
  sortable: ["name", "members", "createdAt"],
  defaultSort: "name.asc",
});

/** A team's member table's URL state. */
export const teamMembersSearchParams = createTableSearchParams({
  sortable: ["name", "email", "addedAt"],
  defaultSort: "name.asc",
});
