"use client";

import { DownloadIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { use, useMemo } from "react";
import {
  countedRows,
  DataTable,
  DataTableFacetedFilter,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { Button } from "@/components/ui/button";
import type { AuditPage } from "@/db/queries/audit";
import { describeAction } from "@/lib/audit-words";
import { getAuditColumns } from "../../_components/audit-columns";
import { AUDIT_ACTION_VALUES, AUDIT_PERIOD_LABELS, AUDIT_PERIODS, auditSearchParams } from "../search-params";
import { AuditNarrowing } from "./audit-filters";

interface AuditTableProps {
  promise: Promise<AuditPage>;
  /** Actions recorded so far: the action filter offers these. */
  actions: string[];
}

const periodOptions = (Object.keys(AUDIT_PERIODS) as (keyof typeof AUDIT_PERIODS)[]).map((value) => ({
  value,
  label: AUDIT_PERIOD_LABELS[value],
}));

/** The trail with one filter bar: search, the action multi-select, a date preset, link-given narrowing, export. */
export function AuditTable({ promise, actions }: AuditTableProps) {
  const { data, rowCount, capped, pageCount } = use(promise);
  const searchParams = useSearchParams();
  const columns = useMemo(() => getAuditColumns(), []);
  const actionOptions = useMemo(() => {
    const known = new Set<string>(AUDIT_ACTION_VALUES);
    return actions
      .filter((action) => known.has(action))
      .map((action) => ({ value: action as (typeof AUDIT_ACTION_VALUES)[number], label: describeAction(action) }));
  }, [actions]);
  const dataTable = useDataTable({
    data,
    ...countedRows({ rowCount, capped }), // "1–20 of 200+ rows" once the server stopped counting
    pageCount,
    columns,
    searchParams: auditSearchParams,
    getRowId: (row) => row.id,
  });
  const exportHref = `/api/admin/audit/export${searchParams.size > 0 ? `?${searchParams.toString()}` : ""}`;
  const filtered =
    dataTable.isFiltered || ["actor", "target", "org", "from", "to"].some((key) => searchParams.get(key));

  return (
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
      >
        <DataTableFacetedFilter dataTable={dataTable} filterKey="action" title="Action" options={actionOptions} />
        <DataTableFacetedFilter dataTable={dataTable} filterKey="period" title="When" options={periodOptions} />
        <AuditNarrowing />
      </DataTableToolbar>
    </DataTable>
  );
}
