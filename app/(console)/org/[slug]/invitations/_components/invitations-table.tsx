"use client";

import { useMemo } from "react";
import { DataTable, DataTableToolbar, useDataTable } from "@/components/data-table";
import { type TablePage, useTablePage } from "@/components/data-table/use-table-page";
import type { InvitationRow } from "@/db/queries/invitations";
import { invitationsSearchParams } from "../search-params";
import { getInvitationsColumns } from "./invitations-table-columns";

interface InvitationsTableProps {
  page: TablePage<{ data: InvitationRow[]; rowCount: number; pageCount: number }>;
  organizationId: string;
  slug: string;
  roles: readonly string[];
  canCancel: boolean;
}

/** Pending invitations (expired ones too, so they can be resent). */
export function InvitationsTable({ page, organizationId, slug, roles, canCancel }: InvitationsTableProps) {
  const { data, rowCount } = useTablePage(page);
  const columns = useMemo(
    () => getInvitationsColumns({ organizationId, slug, roles, canCancel }),
    [organizationId, slug, roles, canCancel],
  );
  const dataTable = useDataTable({
    data,
    rowCount,
    columns,
    searchParams: invitationsSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Pending invitations"
      emptyState={dataTable.isFiltered ? "No invitations match." : "No pending invitations."}
    >
      <DataTableToolbar dataTable={dataTable} searchLabel="Search by email" />
    </DataTable>
  );
}
