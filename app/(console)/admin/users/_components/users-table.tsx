"use client";

import { DownloadIcon } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { lazy, Suspense, use, useMemo, useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { DataTable, DataTableFacetedFilter, DataTableToolbar, useDataTable } from "@/components/data-table";
import { Button } from "@/components/ui/button";
import type { UserRow } from "@/db/queries/users";
import type { BulkRowResult } from "@/lib/actions/users/bulk-users";
import { bulkUsersAction } from "@/lib/actions/users/bulk-users";
import { toast } from "@/lib/toast";
import type { BanDetails } from "@/lib/validations/users";
import { usersSearchParams } from "../search-params";
import { BulkConfirmDialog, type BulkKind, BulkResultsDialog } from "./bulk-dialogs";
import { canPunish, getUsersColumns } from "./users-table-columns";

// The ban form (react-hook-form + zod, ~40 KiB gzip) loads when a ban is asked for, not with the users page.
const BanDialog = lazy(() => import("../../_components/ban-dialog").then((module) => ({ default: module.BanDialog })));

interface UsersTableProps {
  promise: Promise<{ data: UserRow[]; rowCount: number; pageCount: number }>;
  /** Operators may ban and unban; support may only sign users out. */
  canManage: boolean;
  currentUserId: string;
}

const roleOptions = [
  { value: "admin", label: "Operator" },
  { value: "support", label: "Support" },
  { value: "user", label: "User" },
] as const;
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
  const { data, rowCount, pageCount } = use(promise);
  const router = useRouter();
  const searchParams = useSearchParams();
  const [request, setRequest] = useState<{ kind: BulkKind; users: UserRow[] } | null>(null);
  const [results, setResults] = useState<{ kind: BulkKind; rows: BulkRowResult[] } | null>(null);

  const columns = useMemo(
    () =>
      getUsersColumns({
        canManage,
        currentUserId,
        onBan: (user) => setRequest({ kind: "ban", users: [user] }),
        onUnban: (user) => setRequest({ kind: "unban", users: [user] }),
        onRevokeSessions: (user) => setRequest({ kind: "revoke-sessions", users: [user] }),
      }),
    [canManage, currentUserId],
  );
  const stepUp = useStepUp();
  const dataTable = useDataTable({
    data,
    rowCount,
    pageCount,
    columns,
    searchParams: usersSearchParams,
    getRowId: (user) => user.id,
    enableRowSelection: (row) => row.original.id !== currentUserId,
  });

  async function run(kind: BulkKind, users: UserRow[], details?: BanDetails) {
    const userIds = users.map((user) => user.id);
    const result =
      kind === "ban" && details
        ? await stepUp(() =>
            bulkUsersAction({ action: "ban", userIds, reason: details.reason, expiry: details.expiry }),
          )
        : await stepUp(() => bulkUsersAction({ action: kind === "ban" ? "unban" : kind, userIds }));
    if (!result.ok) return { error: result.error };
    const rows = result.data ?? [];
    dataTable.clearSelection();
    setRequest(null);
    if (rows.length === 1 && rows[0]) {
      const [row] = rows;
      if (row.ok) toast.success(`${row.email}: ${row.message}`);
      else toast.error(`${row.email}: ${row.message}`);
    } else {
      setResults({ kind, rows });
    }
    router.refresh();
    return null;
  }

  const exportHref = `/api/admin/users/export${searchParams.size > 0 ? `?${searchParams.toString()}` : ""}`;
  const banTarget = request?.kind === "ban" ? request.users : null;

  return (
    <>
      <DataTable
        table={dataTable.table}
        caption="Users"
        emptyState={dataTable.isFiltered ? "No users match these filters." : "No users yet."}
        onRowActivate={(user) => router.push(`/admin/users/${user.id}`)}
        actionBar={({ rows }) => {
          const punishable = rows.filter((user) => canPunish(user, { canManage, currentUserId }));
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
        <Suspense fallback={null}>
          <BanDialog
            open
            onOpenChange={(open) => {
              if (!open) setRequest(null);
            }}
            title={banTarget.length === 1 ? `Ban ${banTarget[0]?.email}` : `Ban ${banTarget.length} users`}
            onBan={(details) => run("ban", banTarget, details)}
          />
        </Suspense>
      ) : null}
      <BulkConfirmDialog
        request={request && request.kind !== "ban" ? request : null}
        onCancel={() => setRequest(null)}
        onConfirm={(kind, users) => run(kind, users)}
      />
      <BulkResultsDialog results={results} onClose={() => setResults(null)} />
    </>
  );
}
