"use client";

import { useMemo } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import {
  createDataTableColumnHelper,
  DataTable,
  DataTableColumnHeader,
  DataTableFacetedFilter,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { DeliveryRow } from "@/db/queries/webhooks";
import { replayDeliveryAction } from "@/lib/actions/webhooks/replay-delivery";
import type { WebhookScope } from "@/lib/validations/webhooks";
import { deliveriesSearchParams } from "./search-params";
import { StatusBadge } from "./status-badge";

const columnHelper = createDataTableColumnHelper<DeliveryRow>();

/** A time as every page shows one (components/time): relative, exact UTC and local time on hover and focus. */
function When({ date }: { date: Date; now?: Date }) {
  return <Time value={date} />;
}

function columns(scope: WebhookScope, now: Date, canReplay: boolean) {
  return columnHelper.columns([
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
      cell: (info) => <When date={info.getValue()} now={now} />,
      meta: { label: "Created" },
    }),
    columnHelper.accessor("eventType", {
      header: "Event",
      cell: ({ row }) => (
        <span className="grid">
          <code className="text-xs font-medium">{row.original.eventType}</code>
          <code className="text-muted-foreground text-xs" title="webhook-id">
            {row.original.eventId}
          </code>
          {row.original.replayOf ? <span className="text-muted-foreground text-xs">replay</span> : null}
        </span>
      ),
      enableSorting: false,
      meta: { label: "Event" },
    }),
    columnHelper.accessor("status", {
      header: "Status",
      cell: (info) => <StatusBadge status={info.getValue()} />,
      enableSorting: false,
      meta: { label: "Status" },
    }),
    columnHelper.accessor("attempts", {
      header: "Attempts",
      cell: ({ row }) => (
        <details>
          <summary className="cursor-pointer" aria-label={`${row.original.attempts} attempts`}>
            {row.original.attempts}
          </summary>
          <ol className="mt-1 grid gap-1 text-xs" aria-label="Attempts">
            {row.original.log.map((attempt) => (
              <li key={attempt.at.toISOString()}>
                <When date={attempt.at} now={now} />: {attempt.status ?? "no answer"} in {attempt.latencyMs} ms
                {attempt.error ? ` (${attempt.error})` : ""}
                {attempt.responseBody ? (
                  <pre className="bg-muted mt-0.5 max-w-xs overflow-x-auto rounded p-1">{attempt.responseBody}</pre>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ),
      enableSorting: false,
      meta: { label: "Attempts" },
    }),
    columnHelper.display({
      id: "last",
      header: "Last answer",
      cell: ({ row }) => (
        <span className="text-xs">
          {row.original.lastStatus ?? (row.original.lastError ? "no answer" : "—")}
          {row.original.latencyMs !== null ? ` · ${row.original.latencyMs} ms` : ""}
        </span>
      ),
      meta: { label: "Last answer" },
    }),
    columnHelper.accessor("nextAttemptAt", {
      header: "Next try",
      cell: (info) => {
        const next = info.getValue();
        return next && info.row.original.status === "pending" ? <When date={next} now={now} /> : "—";
      },
      enableSorting: false,
      meta: { label: "Next try" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        canReplay ? (
          <ConfirmAction
            title="Send this event again?"
            description={`A new delivery of ${row.original.eventType} with the same webhook-id (${row.original.eventId}), so a receiver that already has it can skip it.`}
            confirmLabel="Replay"
            variant="outline"
            triggerLabel={`Replay ${row.original.eventType} ${row.original.eventId}`}
            action={() => replayDeliveryAction({ scope, deliveryId: row.original.id })}
          >
            Replay
          </ConfirmAction>
        ) : null,
      meta: { cellClassName: "w-20 text-right" },
    }),
  ]);
}

interface DeliveriesTableProps {
  data: { data: DeliveryRow[]; rowCount: number; pageCount: number };
  scope: WebhookScope;
  now: Date;
  canReplay: boolean;
}

const STATUS_OPTIONS = (["pending", "succeeded", "failed"] as const).map((value) => ({ value, label: value }));

/** An endpoint's delivery log: one row per delivery, its attempts under a disclosure, replay per row. */
export function DeliveriesTable({ data: page, scope, now, canReplay }: DeliveriesTableProps) {
  const tableColumns = useMemo(() => columns(scope, now, canReplay), [scope, now, canReplay]);
  const dataTable = useDataTable({
    data: page.data,
    rowCount: page.rowCount,
    pageCount: page.pageCount,
    columns: tableColumns,
    searchParams: deliveriesSearchParams,
    getRowId: (row) => row.id,
  });
  return (
    <DataTable
      table={dataTable.table}
      caption="Deliveries"
      emptyState={dataTable.isFiltered ? "No deliveries match." : "No deliveries yet: events appear here once sent."}
    >
      <DataTableToolbar dataTable={dataTable} searchLabel="Search by event type or id">
        <DataTableFacetedFilter dataTable={dataTable} filterKey="status" title="Status" options={STATUS_OPTIONS} />
      </DataTableToolbar>
    </DataTable>
  );
}
