"use client";

import { use, useMemo } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import {
  createDataTableColumnHelper,
  DataTable,
  DataTableColumnHeader,
  DataTableToolbar,
  useDataTable,
} from "@/components/data-table";
import { RoleBadges } from "@/components/org/role-badges";
import { Time } from "@/components/time/time";
import type { TeamMemberRow } from "@/db/queries/teams";
import { preloadOrganizationWrites, removeTeamMember } from "@/lib/organization/writes";
import { teamMembersSearchParams } from "../../search-params";

interface TeamMembersTableProps {
  promise: Promise<{ data: TeamMemberRow[]; rowCount: number; pageCount: number }>;
  organizationId: string;
  teamId: string;
  canRemove: boolean;
}

const columnHelper = createDataTableColumnHelper<TeamMemberRow>();

/** The team's members; "Remove" takes them out of the team (not the organization). */
export function TeamMembersTable({ promise, organizationId, teamId, canRemove }: TeamMembersTableProps) {
  const { data, rowCount } = use(promise);

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
            return value ? <Time value={value} /> : "—";
          },
          meta: { label: "Added" },
        }),
        columnHelper.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: ({ row }) =>
            canRemove ? (
              <ConfirmAction
                title={`Remove ${row.original.name} from the team?`}
                description="They stay a member of the organization."
                confirmLabel="Remove from team"
                destructive
                action={() => removeTeamMember(organizationId, teamId, row.original)}
                onOpenChange={(open) => open && preloadOrganizationWrites()}
                triggerLabel={`Remove ${row.original.name} from the team`}
                variant="ghost"
              >
                Remove
              </ConfirmAction>
            ) : null,
          meta: { cellClassName: "w-24 text-right" },
        }),
      ]),
    [canRemove, organizationId, teamId],
  );
  const dataTable = useDataTable({
    data,
    rowCount,
    columns,
    searchParams: teamMembersSearchParams,
    getRowId: (row) => row.userId,
  });

  return (
    <DataTable
      table={dataTable.table}
      caption="Team members"
      emptyState={dataTable.isFiltered ? "No team members match." : "This team has no members yet."}
    >
      <DataTableToolbar dataTable={dataTable} searchLabel="Search team members" />
    </DataTable>
  );
}
