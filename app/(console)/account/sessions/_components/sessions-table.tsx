"use client";

import { use } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { countedRows, DataTable, useDataTable } from "@/components/data-table";
import { revokeOtherSessionsAction } from "@/lib/actions/account/revoke-other-sessions";
import { sessionsSearchParams } from "../search-params";
import type { SessionsPage } from "./session-row";
import { sessionsColumns } from "./sessions-table-columns";

interface SessionsTableProps {
  promise: Promise<SessionsPage>;
}

/** The user's sessions in the shared data table, with "sign out all other sessions" above it. */
export function SessionsTable({ promise }: SessionsTableProps) {
  const { rows, pageCount, rowCount, capped } = use(promise);
  const dataTable = useDataTable({
    data: rows,
    pageCount,
    ...countedRows({ rowCount, capped }), // "1–10 of 200+ rows" past MY_SESSIONS_COUNT_CAP sessions
    columns: sessionsColumns,
    searchParams: sessionsSearchParams,
    getRowId: (row) => row.id,
  });
  const others = Math.max(0, rowCount - 1); // every session but the one making the request
  const othersText = capped ? `${others}+` : `${others}`;

  return (
    <DataTable
      table={dataTable.table}
      caption="Your sessions"
      hidePagination={!capped && pageCount <= 1}
      emptyState="No sessions."
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-muted-foreground text-sm">
          {others === 0
            ? "You are not signed in anywhere else."
            : `Signed in on ${othersText} other ${others === 1 ? "device or browser" : "devices or browsers"}.`}
        </p>
        {others > 0 ? (
          <ConfirmAction
            destructive
            variant="outline"
            title="Sign out every other session?"
            description={`${othersText} other ${others === 1 ? "session" : "sessions"} will be signed out. This one stays signed in.`}
            confirmLabel="Sign out others"
            pendingLabel="Signing out…"
            action={revokeOtherSessionsAction}
          >
            Sign out all other sessions
          </ConfirmAction>
        ) : null}
      </div>
    </DataTable>
  );
}
