"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { use } from "react";
import {
  createDataTableColumnHelper,
  DataTable,
  DataTableColumnHeader,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { OrganizationRow } from "@/db/queries/admin-organizations";
import { organizationsSearchParams } from "../search-params";

const columnHelper = createDataTableColumnHelper<OrganizationRow>();
const columns = columnHelper.columns([
  columnHelper.accessor("name", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
    cell: (info) => (
      <Link href={`/admin/organizations/${info.row.original.id}`} className="font-medium hover:underline">
        {info.getValue()}
      </Link>
    ),
    meta: { label: "Name" },
  }),
  columnHelper.accessor("slug", {
    header: "Slug",
    cell: (info) => <span className="text-muted-foreground">/{info.getValue()}</span>,
    enableSorting: false,
    meta: { label: "Slug" },
  }),
  columnHelper.accessor("memberCount", {
    id: "members",
    header: ({ column }) => <DataTableColumnHeader column={column} title="Members" />,
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
    meta: { label: "Members" },
  }),
  columnHelper.accessor("createdAt", {
    header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
    cell: (info) => <Time value={info.getValue()} />,
    meta: { label: "Created" },
  }),
]);

export function OrganizationsTable({
  promise,
}: {
  promise: Promise<{ data: OrganizationRow[]; rowCount: number; pageCount: number }>;
}) {
  const { data, rowCount, pageCount } = use(promise);
  const router = useRouter();
  const dataTable = useDataTable({
    data,
    rowCount,
    pageCount,
    columns,
    searchParams: organizationsSearchParams,
    getRowId: (org) => org.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Organizations"
      emptyState={dataTable.isFiltered ? "No organizations match." : "No organizations yet."}
      onRowActivate={(org) => router.push(`/admin/organizations/${org.id}`)}
    >
      <DataTableToolbar
        dataTable={dataTable}
        searchLabel="Search organizations"
        searchPlaceholder="Search by name or slug…"
      />
    </DataTable>
  );
}
