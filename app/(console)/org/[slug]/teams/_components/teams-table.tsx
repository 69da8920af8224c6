"use client";

import { useRouter } from "next/navigation";
import { use, useMemo } from "react";
import { DataTable, DataTableToolbar, useDataTable } from "@/components/data-table";
import type { TeamRow } from "@/db/queries/teams";
import { teamsSearchParams } from "../search-params";
import type { TeamActionsOptions } from "./team-actions";
import { getTeamsColumns } from "./teams-table-columns";

interface TeamsTableProps extends TeamActionsOptions {
  promise: Promise<{ data: TeamRow[]; rowCount: number; pageCount: number }>;
  /** The viewer may create teams: the empty state points at the button. */
  canCreate: boolean;
}

/** The organization's teams; Enter or a click on a row opens the team. */
export function TeamsTable({ promise, organization, can, canCreate }: TeamsTableProps) {
  const router = useRouter();
  const { data, rowCount } = use(promise);
  const columns = useMemo(() => getTeamsColumns({ organization, can }), [organization, can]);
  const dataTable = useDataTable({
    data,
    rowCount,
    columns,
    searchParams: teamsSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Teams"
      emptyState={
        dataTable.isFiltered
          ? "No teams match."
          : canCreate
            ? "No teams yet. Create the first one with New team, then add members to it."
            : "No teams yet. Owners and admins create them."
      }
      onRowActivate={(team) => router.push(`/org/${organization.slug}/teams/${team.id}`)}
    >
      <DataTableToolbar dataTable={dataTable} searchLabel="Search teams" />
    </DataTable>
  );
}
