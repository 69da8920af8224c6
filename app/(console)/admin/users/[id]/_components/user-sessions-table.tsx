"use client";

import { useMemo } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { createDataTableColumnHelper, DataTable, DataTableColumnHeader, useDataTable } from "@/components/data-table";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import type { UserDetail } from "@/db/queries/users";
import { revokeUserSessionAction } from "@/lib/actions/users/revoke-user-session";
import { revokeUserSessionsAction } from "@/lib/actions/users/revoke-user-sessions";
import { userSessionsSearchParams } from "../search-params";

type SessionRow = UserDetail["sessions"][number];

const columnHelper = createDataTableColumnHelper<SessionRow>();

interface UserSessionsTableProps {
  userId: string;
  sessions: SessionRow[];
  /** They have more open sessions than `sessions` lists (the most recently active). */
  more?: boolean;
  /** Support may sign out users, not other staff. */
  canRevoke: boolean;
}

/** A user's open sessions (newest activity first): end one, or all of them. */
export function UserSessionsTable({ userId, sessions, more = false, canRevoke }: UserSessionsTableProps) {
  const columns = useMemo(
    () =>
      columnHelper.columns([
        // The device line comes from the server (lib/user-agent): ua-parser-js stays out of the browser.
        columnHelper.accessor("device", {
          header: "Device",
          cell: (info) => (
            <span className="flex items-center gap-2">
              {info.getValue()}
              {info.row.original.impersonatedBy ? <Badge variant="secondary">Impersonation</Badge> : null}
            </span>
          ),
          enableSorting: false,
          meta: { label: "Device" },
        }),
        columnHelper.accessor("ipAddress", {
          header: "IP address",
          cell: (info) => info.getValue() ?? "—",
          enableSorting: false,
          meta: { label: "IP address" },
        }),
        columnHelper.accessor("createdAt", {
          header: "Signed in",
          cell: (info) => <Time value={info.getValue()} />,
          enableSorting: false,
          meta: { label: "Signed in" },
        }),
        columnHelper.accessor("updatedAt", {
          header: ({ column }) => <DataTableColumnHeader column={column} title="Last active" />,
          cell: (info) => <Time value={info.getValue()} />,
          meta: { label: "Last active" },
        }),
        columnHelper.accessor("expiresAt", {
          header: "Expires",
          cell: (info) => <Time value={info.getValue()} />,
          enableSorting: false,
          meta: { label: "Expires" },
        }),
        columnHelper.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: ({ row }) =>
            canRevoke ? (
              <ConfirmAction
                variant="ghost"
                triggerLabel={`End session from ${row.original.device}`}
                title="End this session?"
                description="That browser is signed out at its next request."
                confirmLabel="End session"
                action={() => revokeUserSessionAction({ userId, sessionId: row.original.id })}
              >
                End
              </ConfirmAction>
            ) : null,
          meta: { label: "Actions", headerClassName: "w-20" },
        }),
      ]),
    [userId, canRevoke],
  );
  const dataTable = useDataTable({
    data: sessions,
    columns,
    rowCount: sessions.length,
    searchParams: userSessionsSearchParams,
    getRowId: (session) => session.id,
  });

  return (
    <div className="grid gap-3">
      {canRevoke && sessions.length > 0 ? (
        <div>
          <ConfirmAction
            destructive
            title="Sign this user out everywhere?"
            description="Every session they have ends now; they can sign in again."
            confirmLabel="Sign out everywhere"
            action={() => revokeUserSessionsAction({ userId })}
          >
            Sign out everywhere
          </ConfirmAction>
        </div>
      ) : null}
      <DataTable
        table={dataTable.table}
        caption="Sessions"
        emptyState="No open sessions."
        hidePagination
        containerClassName="min-h-0"
      />
      {more ? (
        <p className="text-muted-foreground text-sm">
          Showing the {sessions.length} most recently active; this user has more open sessions.
          {canRevoke ? " Sign out everywhere ends all of them." : ""}
        </p>
      ) : null}
    </div>
  );
}
