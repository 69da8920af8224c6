// URL state of /admin/users, shared by the page (server), the table (client) and the CSV export route.
import { createTableSearchParams, multiFilter, singleFilter } from "@/lib/data-table/search-params";

export const usersSearchParams = createTableSearchParams({
  sortable: ["createdAt", "name", "email"],
  defaultSort: "createdAt.desc",
  filters: {
    role: multiFilter(["admin", "support", "user"]),
    status: singleFilter(["active", "banned"]),
    verified: singleFilter(["yes", "no"]),
    twoFactor: singleFilter(["on", "off"]),
  },
});

export type UsersQuery = ReturnType<typeof usersSearchParams.parse>;
