"use client";

import { Monitor, Smartphone, Tablet } from "lucide-react";
import { ConfirmAction } from "@/components/confirm-action";
import { createDataTableColumnHelper, DataTableColumnHeader } from "@/components/data-table";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import { revokeSessionAction } from "@/lib/actions/account/revoke-session";
import type { SessionRow } from "./session-row";

const column = createDataTableColumnHelper<SessionRow>();

const KIND_ICON = { desktop: Monitor, mobile: Smartphone, tablet: Tablet } as const;

export const sessionsColumns = column.columns([
  column.accessor("device", {
    header: "Device",
    meta: { label: "Device" },
    cell: ({ row }) => {
      const Icon = KIND_ICON[row.original.kind];
      return (
        <span className="flex flex-wrap items-center gap-2 font-medium">
          <Icon className="size-4 text-muted-foreground" aria-hidden />
          {row.original.device}
          {row.original.current ? <Badge variant="secondary">This device</Badge> : null}
          {row.original.impersonated ? <Badge variant="outline">Operator impersonation</Badge> : null}
        </span>
      );
    },
  }),
  column.accessor("ip", {
    header: "IP address",
    meta: { label: "IP address" },
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? "Unknown"}</span>,
  }),
  column.accessor("signedInIso", {
    id: "signedIn",
    header: ({ column }) => <DataTableColumnHeader column={column} title="Signed in" />,
    meta: { label: "Signed in" },
    cell: ({ row }) => <Time value={row.original.signedInIso} />,
  }),
  column.accessor("lastActiveIso", {
    id: "lastActive",
    header: ({ column }) => <DataTableColumnHeader column={column} title="Last active" />,
    meta: { label: "Last active" },
    cell: ({ row }) => <Time value={row.original.lastActiveIso} />,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) =>
      row.original.current ? (
        <span className="text-muted-foreground text-xs">Current session</span>
      ) : (
        <ConfirmAction
          destructive
          variant="outline"
          triggerLabel={`Sign out ${row.original.device}${row.original.ip ? ` at ${row.original.ip}` : ""}`}
          title="Sign out this session?"
          description={`${row.original.device} will be signed out at its next request.`}
          confirmLabel="Sign out"
          pendingLabel="Signing out…"
          action={revokeSessionAction.bind(null, { id: row.original.id })}
        >
          Sign out
        </ConfirmAction>
      ),
  }),
]);
