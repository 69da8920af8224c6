"use client";

import { use, useMemo } from "react";
import { DataTable, DataTableToolbar, useDataTable } from "@/components/data-table";
import type { InvitationRow } from "@/db/queries/invitations";
import { invitationsSearchParams } from "../search-params";
import { getInvitationsColumns } from "./invitations-table-columns";

interface InvitationsTableProps {
  promise: Promise<{ data: InvitationRow[]; rowCount: number; pageCount: number }>;
  organizationId: string;
  slug: string;
  roles: readonly string[];
  canCancel: boolean;
}

/** Pending invitations (expired ones too, so they can be resent). */
export function InvitationsTable({ promise, organizationId, slug, roles, canCancel }: InvitationsTableProps) {
  const { data, rowCount } = use(promise);
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
