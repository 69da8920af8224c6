"use client";

import Link from "next/link";
import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { Time } from "@/components/time/time";
import type { TeamRow } from "@/db/queries/teams";
import { TeamActions, type TeamActionsOptions } from "./team-actions";

const columnHelper = createDataTableColumnHelper<TeamRow>();

/** Name (links to the team), member count, created, and rename/delete for those who may. */
export function getTeamsColumns(options: TeamActionsOptions) {
  return columnHelper.columns([
    columnHelper.accessor("name", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Team" />,
      cell: ({ row }) => (
        <Link
          className="font-medium underline-offset-4 hover:underline"
          href={`/org/${options.organization.slug}/teams/${row.original.id}`}
        >
          {row.original.name}
        </Link>
      ),
      meta: { label: "Team" },
    }),
    columnHelper.accessor("members", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Members" />,
      cell: (info) => info.getValue(),
      meta: { label: "Members" },
    }),
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
      cell: (info) => <Time value={info.getValue()} />,
      meta: { label: "Created" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <TeamActions team={row.original} {...options} />,
      meta: { cellClassName: "w-12 text-right" },
    }),
  ]);
}
