"use client";

import { DownloadIcon } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { use, useMemo, useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import {
  countedRows,
  DataTable,
  DataTableFacetedFilter,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { Button } from "@/components/ui/button";
import type { UserRow, UsersPage } from "@/db/queries/users";
import type { ActionResult } from "@/lib/actions/result";
import { type BulkRowResult, bulkUsersAction } from "@/lib/actions/users/bulk-users";
import type { RowFlags } from "@/lib/auth/flags";
import { toast } from "@/lib/toast";
import { BanDialog } from "../../_components/ban-dialog";
import { PLATFORM_ROLES } from "../../_components/platform-roles";
import { ImpersonateDialog } from "../[id]/_components/impersonate-dialog";
import { usersSearchParams } from "../search-params";
import { type BulkKind, BulkResultsDialog, banTitle, bulkConfirmation } from "./bulk-dialogs";
import { canPunish, getUsersColumns } from "./users-table-columns";

interface UsersTableProps {
  promise: Promise<UsersPage & { can: RowFlags }>;
  /** Operators may ban and unban; support may only sign users out. */
  canManage: boolean;
  currentUserId: string;
}

const roleOptions = [...PLATFORM_ROLES].reverse(); // operators first
const statusOptions = [
  { value: "active", label: "Active" },
  { value: "banned", label: "Banned" },
] as const;
const verifiedOptions = [
  { value: "yes", label: "Verified" },
  { value: "no", label: "Not verified" },
] as const;
const twoFactorOptions = [
  { value: "on", label: "On" },
  { value: "off", label: "Off" },
] as const;

export function UsersTable({ promise, canManage, currentUserId }: UsersTableProps) {
  const { data, rowCount, capped, pageCount, can } = use(promise);
  const router = useRouter();
  const searchParams = useSearchParams();
  const [request, setRequest] = useState<{ kind: BulkKind; users: UserRow[] } | null>(null);
  const [results, setResults] = useState<{ kind: BulkKind; rows: BulkRowResult[] } | null>(null);
  const [impersonating, setImpersonating] = useState<UserRow | null>(null);

  const columns = useMemo(
    () =>
      getUsersColumns({
        canManage,
        currentUserId,
        can,
        onBan: (user) => setRequest({ kind: "ban", users: [user] }),
        onUnban: (user) => setRequest({ kind: "unban", users: [user] }),
        onRevokeSessions: (user) => setRequest({ kind: "revoke-sessions", users: [user] }),
        onImpersonate: setImpersonating,
      }),
    [canManage, currentUserId, can],
  );
  const dataTable = useDataTable({
    data,
    ...countedRows({ rowCount, capped }), // "1–20 of 1,000+ rows" past USERS_MATCH_CAP matches
    pageCount,
    columns,
    searchParams: usersSearchParams,
    getRowId: (user) => user.id,
    enableRowSelection: (row) => row.original.id !== currentUserId,
  });

  /** A bulk action's outcome: one user's in a toast, several in the results dialog. */
  function report(kind: BulkKind, result: Extract<ActionResult<unknown>, { ok: true }>) {
    // bulkUsersAction's data: the outcome for each selected user.
    const rows = (result.data ?? []) as BulkRowResult[];
    dataTable.clearSelection();
    if (rows.length === 1 && rows[0]) {
      const [row] = rows;
      if (row.ok) toast.success(`${row.email}: ${row.message}`);
      else toast.error(`${row.email}: ${row.message}`);
    } else {
      setResults({ kind, rows });
    }
    router.refresh();
  }

  const exportHref = `/api/admin/users/export${searchParams.size > 0 ? `?${searchParams.toString()}` : ""}`;
  const banTarget = request?.kind === "ban" ? request.users : null;
  const confirmTarget = request && request.kind !== "ban" ? { kind: request.kind, users: request.users } : null;

  return (
    <>
      <DataTable
        table={dataTable.table}
        caption="Users"
        emptyState={dataTable.isFiltered ? "No users match these filters." : "No users yet."}
        onRowActivate={(user) => router.push(`/admin/users/${user.id}`)}
        actionBar={({ rows }) => {
          const punishable = rows.filter((user) => canPunish(user, can));
          return (
            <>
              {canManage ? (
                <>
                  <Button
                    size="sm"
                    variant="destructive"
                    disabled={punishable.length === 0}
                    onClick={() => setRequest({ kind: "ban", users: rows })}
                  >
                    Ban
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={punishable.length === 0}
                    onClick={() => setRequest({ kind: "unban", users: rows })}
                  >
                    Unban
                  </Button>
                </>
              ) : null}
              <Button size="sm" variant="outline" onClick={() => setRequest({ kind: "revoke-sessions", users: rows })}>
                Sign out
              </Button>
            </>
          );
        }}
      >
        <DataTableToolbar
          dataTable={dataTable}
          searchLabel="Search users"
          searchPlaceholder="Search by email or name…"
          actions={
            <Button asChild size="sm" variant="outline" className="h-8">
              <a href={exportHref} download>
                <DownloadIcon aria-hidden /> Export CSV
              </a>
            </Button>
          }
        >
          <DataTableFacetedFilter dataTable={dataTable} filterKey="role" title="Role" options={roleOptions} />
          <DataTableFacetedFilter dataTable={dataTable} filterKey="status" title="Status" options={statusOptions} />
          <DataTableFacetedFilter
            dataTable={dataTable}
            filterKey="verified"
            title="Email verified"
            options={verifiedOptions}
          />
          <DataTableFacetedFilter
            dataTable={dataTable}
            filterKey="twoFactor"
            title="Two-factor"
            options={twoFactorOptions}
          />
        </DataTableToolbar>
      </DataTable>

      {banTarget ? (
        <BanDialog
          open
          onOpenChange={(open) => {
            if (!open) setRequest(null);
          }}
          title={banTitle(banTarget)}
          action={(details) =>
            bulkUsersAction({ action: "ban", userIds: banTarget.map((user) => user.id), ...details })
          }
          toast={false}
          onSuccess={(result) => report("ban", result)}
        />
      ) : null}
      {confirmTarget ? (
        <ConfirmAction
          {...bulkConfirmation(confirmTarget.kind, confirmTarget.users)}
          open
          onOpenChange={(open) => {
            if (!open) setRequest(null);
          }}
          action={() =>
            bulkUsersAction({ action: confirmTarget.kind, userIds: confirmTarget.users.map((user) => user.id) })
          }
          toast={false}
          onDone={(result) => report(confirmTarget.kind, result)}
        />
      ) : null}
      <BulkResultsDialog results={results} onClose={() => setResults(null)} />
      {impersonating ? (
        <ImpersonateDialog
          open
          onOpenChange={(open) => {
            if (!open) setImpersonating(null);
          }}
          userId={impersonating.id}
          userName={impersonating.name}
        />
      ) : null}
    </>
  );
}
