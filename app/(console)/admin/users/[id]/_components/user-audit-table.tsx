"use client";

import { useMemo } from "react";
import { DataTable, useDataTable } from "@/components/data-table";
import { type TablePage, useTablePage } from "@/components/data-table/use-table-page";
import type { AuditRow } from "@/db/queries/audit";
import { getAuditColumns } from "../../../_components/audit-columns";
import { userAuditSearchParams } from "../search-params";

interface UserAuditTableProps {
  page: TablePage<{ data: AuditRow[]; rowCount: number; pageCount: number }>;
}

/** What this user did, and what was done to them, newest first. */
export function UserAuditTable({ page }: UserAuditTableProps) {
  const { data, rowCount, pageCount } = useTablePage(page);
  const columns = useMemo(() => getAuditColumns(), []);
  const dataTable = useDataTable({
    data,
    rowCount,
    pageCount,
    columns,
    searchParams: userAuditSearchParams,
    getRowId: (row) => row.id,
  });
  return <DataTable table={dataTable.table} caption="Audit trail" emptyState="Nothing recorded yet." />;
}
