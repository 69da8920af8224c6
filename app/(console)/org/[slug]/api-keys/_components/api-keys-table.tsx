"use client";

import { useMemo } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { createDataTableColumnHelper, DataTable, DataTableColumnHeader, useDataTable } from "@/components/data-table";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import type { ApiKeyRow } from "@/db/queries/api-keys";
import { revokeApiKeyAction } from "@/lib/actions/api-keys/revoke-api-key";
import { apiKeysSearchParams } from "../search-params";

const columnHelper = createDataTableColumnHelper<ApiKeyRow>();

function When({ date, never }: { date: Date | null; now?: Date; never: string }) {
  if (!date) return <span className="text-muted-foreground">{never}</span>;
  return <Time value={date} />;
}

const STATUS = {
  active: { label: "active", variant: "secondary" },
  expired: { label: "expired", variant: "outline" },
  stopped: { label: "stopped: creator left", variant: "destructive" },
} as const;

function columns(slug: string, canRevoke: boolean, now: Date) {
  return columnHelper.columns([
    columnHelper.accessor("name", {
      header: "Name",
      cell: ({ row }) => (
        <span className="grid">
          <span className="font-medium">{row.original.name}</span>
          {row.original.start ? <code className="text-muted-foreground text-xs">{row.original.start}…</code> : null}
        </span>
      ),
      enableSorting: false,
      meta: { label: "Name" },
    }),
    columnHelper.accessor("scopes", {
      header: "Scopes",
      cell: (info) => <span className="font-mono text-xs">{info.getValue().join(", ")}</span>,
      enableSorting: false,
      meta: { label: "Scopes" },
    }),
    columnHelper.display({
      id: "creator",
      header: "Created by",
      cell: ({ row }) => (
        <span className="grid">
          <span>{row.original.creator.name ?? "A deleted user"}</span>
          <span className="text-muted-foreground text-xs">{row.original.creator.email}</span>
        </span>
      ),
      meta: { label: "Created by" },
    }),
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
      cell: (info) => <When date={info.getValue()} now={now} never="" />,
      meta: { label: "Created" },
    }),
    columnHelper.accessor("lastUsedAt", {
      header: "Last used",
      cell: (info) => <When date={info.getValue()} now={now} never="Never" />,
      enableSorting: false,
      meta: { label: "Last used" },
    }),
    columnHelper.accessor("expiresAt", {
      header: "Expires",
      cell: (info) => <When date={info.getValue()} now={now} never="Never" />,
      enableSorting: false,
      meta: { label: "Expires" },
    }),
    columnHelper.accessor("status", {
      header: "Status",
      cell: ({ row }) => (
        <span className="grid gap-1">
          <Badge variant={STATUS[row.original.status].variant}>{STATUS[row.original.status].label}</Badge>
          {row.original.rateLimit ? (
            <span className="text-muted-foreground text-xs">{row.original.rateLimit} requests/min</span>
          ) : null}
        </span>
      ),
      enableSorting: false,
      meta: { label: "Status" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        canRevoke ? (
          <ConfirmAction
            title={`Revoke ${row.original.name}?`}
            description="Requests with this key are refused from now on. This cannot be undone: make a new key instead."
            confirmLabel="Revoke key"
            destructive
            variant="outline"
            triggerLabel={`Revoke ${row.original.name}`}
            action={() => revokeApiKeyAction({ slug, id: row.original.id })}
          >
            Revoke
          </ConfirmAction>
        ) : null,
      meta: { label: "Actions" },
    }),
  ]);
}

/** The organization's API keys (never the keys themselves), with revoke for those who may. */
export function ApiKeysTable({
  data,
  slug,
  canRevoke,
  now,
}: {
  data: ApiKeyRow[];
  slug: string;
  canRevoke: boolean;
  now: Date;
}) {
  const tableColumns = useMemo(() => columns(slug, canRevoke, now), [slug, canRevoke, now]);
  const dataTable = useDataTable({
    data,
    rowCount: data.length,
    columns: tableColumns,
    searchParams: apiKeysSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="API keys"
      hidePagination
      emptyState="No API keys yet. Create one for a system that manages members or invitations."
    />
  );
}
