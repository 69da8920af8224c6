"use client";

import { DownloadIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { use, useMemo } from "react";
import { DataTable, DataTableToolbar, useDataTable } from "@/components/data-table";
import { Button } from "@/components/ui/button";
import type { AuditRow } from "@/db/queries/audit";
import { getAuditColumns } from "../../_components/audit-columns";
import { auditSearchParams } from "../search-params";
import { AuditFilters } from "./audit-filters";

interface AuditTableProps {
  promise: Promise<{ data: AuditRow[]; rowCount: number; pageCount: number }>;
  /** Actions recorded so far, suggested by the action filter. */
  actions: string[];
}

export function AuditTable({ promise, actions }: AuditTableProps) {
  const { data, rowCount, pageCount } = use(promise);
  const searchParams = useSearchParams();
  const columns = useMemo(() => getAuditColumns(), []);
  const dataTable = useDataTable({
    data,
    rowCount,
    pageCount,
    columns,
    searchParams: auditSearchParams,
    getRowId: (row) => row.id,
  });
  const exportHref = `/api/admin/audit/export${searchParams.size > 0 ? `?${searchParams.toString()}` : ""}`;
  const filtered =
    dataTable.isFiltered || ["actor", "target", "action", "org", "from", "to"].some((key) => searchParams.get(key));

  return (
    <div className="grid gap-3">
      <AuditFilters actions={actions} />
      <DataTable
        table={dataTable.table}
        caption="Audit trail"
        emptyState={filtered ? "No events match these filters." : "Nothing recorded yet."}
      >
        <DataTableToolbar
          dataTable={dataTable}
          searchLabel="Search the audit trail"
          searchPlaceholder="Search reason, action or email…"
          actions={
            <Button asChild size="sm" variant="outline" className="h-8">
              <a href={exportHref} download>
                <DownloadIcon aria-hidden /> Export CSV
              </a>
            </Button>
          }
        />
      </DataTable>
    </div>
  );
}
