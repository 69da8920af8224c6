"use client";

import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { RoleBadges } from "@/components/org/role-badges";
import type { InvitationRow } from "@/db/queries/invitations";
import { ExpiryCountdown } from "./expiry-countdown";
import { InvitationActions } from "./invitation-actions";

const columnHelper = createDataTableColumnHelper<InvitationRow>();

/** Email, role, team, inviter, expiry countdown and the row's actions (resend, cancel). */
export function getInvitationsColumns(options: { organizationId: string; canCancel: boolean }) {
  return columnHelper.columns([
    columnHelper.accessor("email", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
      cell: (info) => <span className="font-medium">{info.getValue()}</span>,
      meta: { label: "Email" },
    }),
    columnHelper.accessor("role", {
      header: "Role",
      enableSorting: false,
      cell: (info) => <RoleBadges role={info.getValue()} />,
      meta: { label: "Role" },
    }),
    columnHelper.accessor("teamName", {
      header: "Team",
      enableSorting: false,
      cell: (info) => info.getValue() ?? <span className="text-muted-foreground">—</span>,
      meta: { label: "Team" },
    }),
    columnHelper.accessor("inviterName", {
      header: "Invited by",
      enableSorting: false,
      cell: (info) => info.getValue(),
      meta: { label: "Invited by" },
    }),
    columnHelper.accessor("expiresAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Expires" />,
      cell: (info) => <ExpiryCountdown expiresAt={info.getValue()} />,
      meta: { label: "Expires" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <InvitationActions invitation={row.original} {...options} />,
      meta: { cellClassName: "w-40 text-right" },
    }),
  ]);
}
