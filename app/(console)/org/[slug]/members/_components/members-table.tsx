"use client";

import { use, useMemo } from "react";
import { DataTable, DataTableFacetedFilter, DataTableToolbar, useDataTable } from "@/components/data-table";
import type { MemberWithTeams } from "@/db/queries/members";
import type { MemberFlags } from "@/lib/auth/flags";
import { membersSearchParams } from "../search-params";
import { getMembersColumns, type MembersColumnsOptions } from "./members-table-columns";

interface MembersTableProps extends Omit<MembersColumnsOptions, "flags"> {
  promise: Promise<{ data: MemberWithTeams[]; rowCount: number; pageCount: number; flags: MemberFlags }>;
}

/** The organization's members: server-side search, role filter, sort and pagination, all in the URL. */
export function MembersTable({ promise, ...options }: MembersTableProps) {
  const { data, rowCount, flags } = use(promise);
  const { roles, organization, me, can } = options;
  const rolesKey = roles.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the list of roles changes
  const searchParams = useMemo(() => membersSearchParams(roles), [rolesKey]);
  const columns = useMemo(
    () => getMembersColumns({ roles, organization, me, can, flags }),
    [roles, organization, me, can, flags],
  );
  const dataTable = useDataTable({ data, rowCount, columns, searchParams, getRowId: (row) => row.id });
  return (
    <DataTable table={dataTable.table} caption="Members" emptyState="No members match.">
      <DataTableToolbar dataTable={dataTable} searchLabel="Search by name or email">
        <DataTableFacetedFilter
          dataTable={dataTable}
          filterKey="role"
          title="Role"
          options={roles.map((role) => ({ value: role, label: role }))}
        />
      </DataTableToolbar>
    </DataTable>
  );
}
