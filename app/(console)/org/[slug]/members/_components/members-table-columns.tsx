"use client";

import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { RoleBadges } from "@/components/org/role-badges";
import { Time } from "@/components/time/time";
import type { MemberWithTeams } from "@/db/queries/members";
import type { MemberFlags } from "@/lib/auth/flags";
import type { OrgCapabilities } from "@/lib/auth/permissions";
import { MemberActions } from "./member-actions";

export interface MembersColumnsOptions {
  roles: readonly string[];
  organization: { id: string; slug: string };
  me: { memberId: string; userId: string };
  can: OrgCapabilities;
  /** What the viewer may do to each member, as the rules decide (lib/auth/flags.ts, computed on the server). */
  flags: MemberFlags;
}

const columnHelper = createDataTableColumnHelper<MemberWithTeams>();

/** Name, email, role, teams, joined, and the row's actions (only those the viewer may take). */
export function getMembersColumns(options: MembersColumnsOptions) {
  return columnHelper.columns([
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
      header: ({ column }) => <DataTableColumnHeader column={column} title="Role" />,
      cell: (info) => <RoleBadges role={info.getValue()} />,
      meta: { label: "Role" },
    }),
    columnHelper.accessor("teams", {
      header: "Teams",
      enableSorting: false,
      cell: (info) => {
        const teams = info.getValue();
        return teams.length > 0 ? teams.join(", ") : <span className="text-muted-foreground">—</span>;
      },
      meta: { label: "Teams" },
    }),
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Joined" />,
      cell: (info) => <Time value={info.getValue()} />,
      meta: { label: "Joined" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <MemberActions member={row.original} {...options} />,
      meta: { cellClassName: "w-12 text-right" },
    }),
  ]);
}
