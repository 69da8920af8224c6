"use client";

import { use, useMemo } from "react";
import { countedRows, DataTable, useDataTable } from "@/components/data-table";
import type { AuditPage } from "@/db/queries/audit";
import { getAuditColumns } from "../../../_components/audit-columns";
import { userAuditSearchParams } from "../search-params";

interface UserAuditTableProps {
  promise: Promise<AuditPage>;
}

/** What this user did, and what was done to them, newest first. */
export function UserAuditTable({ promise }: UserAuditTableProps) {
  const { data, rowCount, capped, pageCount } = use(promise);
  const columns = useMemo(() => getAuditColumns(), []);
  const dataTable = useDataTable({
    data,
    ...countedRows({ rowCount, capped }), // "1–20 of 200+ rows" once the server stopped counting
    pageCount,
    columns,
    searchParams: userAuditSearchParams,
    getRowId: (row) => row.id,
  });
  return <DataTable table={dataTable.table} caption="Audit trail" emptyState="Nothing recorded yet." />;
}
