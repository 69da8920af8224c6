"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { createDataTableColumnHelper, DataTable, DataTableColumnHeader, useDataTable } from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { EndpointRow } from "@/db/queries/webhooks";
import { endpointsSearchParams } from "./search-params";
import { EndpointStatus } from "./status-badge";

const columnHelper = createDataTableColumnHelper<EndpointRow>();

function columns(basePath: string) {
  return columnHelper.columns([
    columnHelper.accessor("url", {
      header: "URL",
      cell: ({ row }) => (
        <span className="grid">
          <Link
            className="font-medium break-all underline-offset-4 hover:underline"
            href={`${basePath}/${row.original.id}`}
          >
            {row.original.url}
          </Link>
          {row.original.description ? (
            <span className="text-muted-foreground text-xs">{row.original.description}</span>
          ) : null}
        </span>
      ),
      enableSorting: false,
      meta: { label: "URL" },
    }),
    columnHelper.accessor("eventTypes", {
      header: "Events",
      cell: (info) => <span className="text-xs">{info.getValue().join(", ")}</span>,
      enableSorting: false,
      meta: { label: "Events" },
    }),
    columnHelper.accessor("enabled", {
      header: "Status",
      cell: ({ row }) => <EndpointStatus enabled={row.original.enabled} reason={row.original.disabledReason} />,
      enableSorting: false,
      meta: { label: "Status" },
    }),
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Added" />,
      cell: (info) => <Time value={info.getValue()} />,
      meta: { label: "Added" },
    }),
  ]);
}

/** A scope's endpoints; Enter or a click on a row opens its delivery log. */
export function EndpointsTable({ data, basePath }: { data: EndpointRow[]; basePath: string }) {
  const router = useRouter();
  const tableColumns = useMemo(() => columns(basePath), [basePath]);
  const dataTable = useDataTable({
    data,
    rowCount: data.length,
    columns: tableColumns,
    searchParams: endpointsSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Webhook endpoints"
      hidePagination
      emptyState="No endpoints yet. Add one to receive signed events."
      onRowActivate={(row) => router.push(`${basePath}/${row.id}`)}
    />
  );
}
