"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { Monitor, Smartphone, Tablet } from "lucide-react";
import { ConfirmActionButton } from "@/components/account/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { revokeSessionAction } from "@/lib/actions/account/revoke-session";

/** One session as the page hands it to the table: dates already in words (rendered on the server). */
export interface SessionRow {
  id: string;
  device: string;
  kind: "desktop" | "mobile" | "tablet";
  ip: string | null;
  signedIn: string;
  signedInIso: string;
  lastActive: string;
  lastActiveIso: string;
  current: boolean;
  impersonated: boolean;
}

export const sessionsTableFeatures = tableFeatures({});
const column = createColumnHelper<typeof sessionsTableFeatures, SessionRow>();

const KIND_ICON = { desktop: Monitor, mobile: Smartphone, tablet: Tablet } as const;

export const sessionsTableColumns = column.columns([
  column.accessor("device", {
    header: "Device",
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
    cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() ?? "Unknown"}</span>,
  }),
  column.accessor("signedIn", {
    header: "Signed in",
    cell: ({ row }) => <time dateTime={row.original.signedInIso}>{row.original.signedIn}</time>,
  }),
  column.accessor("lastActive", {
    header: "Last active",
    cell: ({ row }) => <time dateTime={row.original.lastActiveIso}>{row.original.lastActive}</time>,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) =>
      row.original.current ? (
        <span className="text-muted-foreground text-xs">Current session</span>
      ) : (
        <ConfirmActionButton
          triggerLabel={`Sign out ${row.original.device}, signed in ${row.original.signedIn}`}
          title="Sign out this session?"
          description={`${row.original.device} will be signed out at its next request.`}
          confirmLabel="Sign out"
          pendingLabel="Signing out…"
          action={revokeSessionAction.bind(null, { id: row.original.id })}
        >
          Sign out
        </ConfirmActionButton>
      ),
  }),
]);
