"use client";

import { use, useMemo } from "react";
import { DataTable, useDataTable } from "@/components/data-table";
import type { AuditRow } from "@/db/queries/audit";
import { getAuditColumns } from "../../../_components/audit-columns";
import { userAuditSearchParams } from "../search-params";

interface UserAuditTableProps {
  promise: Promise<{ data: AuditRow[]; rowCount: number; pageCount: number }>;
}

/** What this user did, and what was done to them, newest first. */
export function UserAuditTable({ promise }: UserAuditTableProps) {
  const { data, rowCount, pageCount } = use(promise);
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
