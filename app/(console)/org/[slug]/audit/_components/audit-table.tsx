"use client";

import { use } from "react";
import {
  countedRows,
  createDataTableColumnHelper,
  DataTable,
  DataTableColumnHeader,
  DataTableFacetedFilter,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { OrgAuditRow as AuditRow } from "@/db/queries/org-audit";
import { describeChange } from "@/lib/audit-words";
import { describeAuditAction, ORG_AUDIT_ACTION_NAMES } from "@/lib/org-audit-actions";
import { auditSearchParams } from "../search-params";

const columnHelper = createDataTableColumnHelper<AuditRow>();

function person(name: string | null, email: string | null) {
  if (!name && !email) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="grid">
      <span>{name}</span>
      <span className="text-muted-foreground text-xs">{email}</span>
    </span>
  );
}

/** A short reading of the row's details (role change, team name, invited address…). */
function details(row: AuditRow): string {
  const m = row.metadata ?? {};
  const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);
  const change = describeChange(row.metadata);
  if (change) return [text(m.email), change].filter(Boolean).join(" · ");
  const parts = [text(m.email), text(m.name), text(m.role)].filter(Boolean);
  return parts.join(" · ");
}

const columns = columnHelper.columns([
  columnHelper.accessor("at", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="When" />,
    cell: (info) => <Time value={info.getValue()} />,
    meta: { label: "When" },
  }),
  columnHelper.accessor("action", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="What" />,
    cell: (info) => (
      <span className="grid">
        <span>{describeAuditAction(info.getValue())}</span>
        <span className="font-mono text-muted-foreground text-xs">{info.getValue()}</span>
      </span>
    ),
    meta: { label: "What", card: "title" },
  }),
  columnHelper.display({
    id: "actor",
    header: "Who",
    cell: ({ row }) =>
      row.original.actorApiKey ? (
        <span className="grid">
          <span>{row.original.actorApiKey.name ?? "An API key"}</span>
          <span className="text-muted-foreground text-xs">API key</span>
        </span>
      ) : (
        person(row.original.actorName, row.original.actorEmail)
      ),
    meta: { label: "Who" },
  }),
  columnHelper.display({
    id: "target",
    header: "Whom",
    cell: ({ row }) => person(row.original.targetName, row.original.targetEmail),
    meta: { label: "Whom" },
  }),
  columnHelper.display({
    id: "details",
    header: "Details",
    cell: ({ row }) => <span className="text-sm">{details(row.original)}</span>,
    meta: { label: "Details" },
  }),
]);

/** The organization's audit events, newest first; filter by action, search by who or whom. */
export function AuditTable({
  promise,
}: {
  promise: Promise<{ data: AuditRow[]; rowCount: number; capped: boolean; pageCount: number }>;
}) {
  const { data, rowCount, capped } = use(promise);
  const dataTable = useDataTable({
    data,
    ...countedRows({ rowCount, capped }), // "1–20 of 200+ rows" once the server stopped counting
    columns,
    searchParams: auditSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Audit events"
      emptyState={dataTable.isFiltered ? "No events match." : "Nothing has happened here yet."}
    >
      <DataTableToolbar dataTable={dataTable} searchLabel="Search by person">
        <DataTableFacetedFilter
          dataTable={dataTable}
          filterKey="action"
          title="Action"
          options={ORG_AUDIT_ACTION_NAMES.map((action) => ({ value: action, label: describeAuditAction(action) }))}
        />
      </DataTableToolbar>
    </DataTable>
  );
}
