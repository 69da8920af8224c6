import { createTableSearchParams, multiFilter } from "@/lib/data-table/search-params";

/** The members table's URL state; the role filter offers the organization's roles (built-in and custom). */
export function membersSearchParams(roles: readonly string[]) {
  return createTableSearchParams({
    sortable: ["name", "email", "role", "createdAt"],
    // Newest first: the one order an index serves without reading the whole organization (migrations/0011).
    defaultSort: "createdAt.desc",
    filters: { role: multiFilter(roles) },
  });
}

export type MembersSearchParams = ReturnType<typeof membersSearchParams>;
