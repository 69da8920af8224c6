"use client";

import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { RoleBadges } from "@/components/org/role-badges";
import type { InvitationRow } from "@/db/queries/invitations";
import { ExpiryCountdown } from "./expiry-countdown";
import { InvitationActions } from "./invitation-actions";

const columnHelper = createDataTableColumnHelper<InvitationRow>();

/** Email, role, team, inviter, expiry countdown and the row's actions (resend, cancel). */
export function getInvitationsColumns(options: {
  organizationId: string;
  slug: string;
  roles: readonly string[];
  canCancel: boolean;
}) {
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
    // Buttons, not a menu: below md they are a labelled line of the card, not the card's corner menu.
    columnHelper.display({
      id: "manage",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <InvitationActions invitation={row.original} {...options} />,
      meta: { label: "Actions", cellClassName: "w-56 text-right" },
    }),
  ]);
}
