"use client";

import { useRouter } from "next/navigation";
import { use, useMemo, useState } from "react";
import {
  createDataTableColumnHelper,
  DataTable,
  DataTableColumnHeader,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { RoleBadges } from "@/components/org/role-badges";
import { Button } from "@/components/ui/button";
import type { TeamMemberRow } from "@/db/queries/teams";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { teamMembersSearchParams } from "../../search-params";

interface TeamMembersTableProps {
  promise: Promise<{ data: TeamMemberRow[]; rowCount: number; pageCount: number }>;
  organizationId: string;
  teamId: string;
  canRemove: boolean;
}

const columnHelper = createDataTableColumnHelper<TeamMemberRow>();
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** The team's members; "Remove" takes them out of the team (not the organization). */
export function TeamMembersTable({ promise, organizationId, teamId, canRemove }: TeamMembersTableProps) {
  const router = useRouter();
  const { data, rowCount } = use(promise);
  const [removing, setRemoving] = useState<TeamMemberRow | null>(null);

  const columns = useMemo(
    () =>
      columnHelper.columns([
        columnHelper.accessor("name", {
          header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
          cell: (info) => <span className="font-medium">{info.getValue()}</span>,
          meta: { label: "Name" },
        }),
        columnHelper.accessor("email", {
          header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
          cell: (info) => info.getValue(),
          meta: { label: "Email" },
        }),
        columnHelper.accessor("role", {
          header: "Role",
          enableSorting: false,
          cell: (info) => <RoleBadges role={info.getValue()} />,
          meta: { label: "Role" },
        }),
        columnHelper.accessor("addedAt", {
          header: ({ column }) => <DataTableColumnHeader column={column} title="Added" />,
          cell: (info) => {
            const value = info.getValue();
            return value ? <time dateTime={value.toISOString()}>{dateFormat.format(value)}</time> : "—";
          },
          meta: { label: "Added" },
        }),
        columnHelper.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: ({ row }) =>
            canRemove ? (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={`Remove ${row.original.name} from the team`}
                onClick={() => {
                  preloadAuthClient();
                  setRemoving(row.original);
                }}
              >
                Remove
              </Button>
            ) : null,
          meta: { cellClassName: "w-24 text-right" },
        }),
      ]),
    [canRemove],
  );
  const dataTable = useDataTable({
    data,
    rowCount,
    columns,
    searchParams: teamMembersSearchParams,
    getRowId: (row) => row.userId,
  });

  async function remove() {
    const authClient = await loadAuthClient();
    if (!removing) return null;
    const { error } = await authClient.organization.removeTeamMember({
      teamId,
      userId: removing.userId,
      organizationId,
    });
    if (error) return describeAuthError(error);
    toast.success(`${removing.name} removed from the team`);
    router.refresh();
    return null;
  }

  return (
    <>
      <DataTable
        table={dataTable.table}
        caption="Team members"
        emptyState={dataTable.isFiltered ? "No team members match." : "This team has no members yet."}
      >
        <DataTableToolbar dataTable={dataTable} searchLabel="Search team members" />
      </DataTable>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={`Remove ${removing?.name ?? "member"} from the team?`}
        description="They stay a member of the organization."
        confirmLabel="Remove from team"
        destructive
        onConfirm={remove}
      />
    </>
  );
}
