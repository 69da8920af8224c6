"use client";

import { MoreHorizontalIcon } from "lucide-react";
import { createDataTableColumnHelper, DataTableColumnHeader, getSelectColumn } from "@/components/data-table";
import { RowLink } from "@/components/data-table/row-link";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { UserRow } from "@/db/queries/users";
import type { RowFlags } from "@/lib/auth/flags";
import { RoleBadge } from "../../_components/role-badge";
import { UserStatusBadge } from "../../_components/user-status-badge";

const columnHelper = createDataTableColumnHelper<UserRow>();

/** What a row's menu can do; the table supplies the handlers (dialogs live there, one per table). */
export interface UserRowActions {
  canManage: boolean;
  currentUserId: string;
  /** What the viewer may do to each row, as the endpoints decide (lib/auth/flags.ts, computed on the server). */
  can: RowFlags;
  onBan: (user: UserRow) => void;
  onUnban: (user: UserRow) => void;
  onRevokeSessions: (user: UserRow) => void;
  onImpersonate: (user: UserRow) => void;
}

/** Whether the viewer may ban (or, when banned, unban) this row: the rules' verdict, sent by the page. */
export function canPunish(user: UserRow, can: RowFlags) {
  const flags = can[user.id];
  return Boolean(user.banned ? flags?.unban : flags?.ban);
}

export function getUsersColumns(actions: UserRowActions) {
  return columnHelper.columns([
    getSelectColumn<UserRow>({ getRowLabel: (user) => user.email }),
    columnHelper.accessor("name", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Name" />,
      cell: (info) => (
        <RowLink href={`/admin/users/${info.row.original.id}`} className="font-medium hover:underline">
          {info.getValue()}
        </RowLink>
      ),
      meta: { label: "Name" },
    }),
    columnHelper.accessor("email", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Email" />,
      cell: (info) => <span className="text-muted-foreground">{info.getValue()}</span>,
      meta: { label: "Email" },
    }),
    columnHelper.accessor("role", {
      header: "Role",
      cell: (info) => <RoleBadge role={info.getValue()} />,
      enableSorting: false,
      meta: { label: "Role" },
    }),
    columnHelper.accessor("banned", {
      header: "Status",
      cell: (info) => <UserStatusBadge banned={info.getValue()} banExpires={info.row.original.banExpires} />,
      enableSorting: false,
      meta: { label: "Status" },
    }),
    columnHelper.accessor("emailVerified", {
      header: "Verified",
      cell: (info) =>
        info.getValue() ? <Badge variant="outline">Verified</Badge> : <Badge variant="secondary">Unverified</Badge>,
      enableSorting: false,
      meta: { label: "Email verified" },
    }),
    columnHelper.accessor("twoFactorEnabled", {
      header: "2FA",
      cell: (info) =>
        info.getValue() ? <Badge variant="outline">On</Badge> : <span className="text-muted-foreground">Off</span>,
      enableSorting: false,
      meta: { label: "Two-factor" },
    }),
    columnHelper.accessor("createdAt", {
      header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
      cell: (info) => <Time value={info.getValue()} />,
      meta: { label: "Created" },
    }),
    columnHelper.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => <UserRowMenu user={row.original} actions={actions} />,
      meta: { label: "Actions", headerClassName: "w-12", cellClassName: "w-12" },
    }),
  ]);
}

export interface UserRowMenuProps {
  user: UserRow;
  actions: UserRowActions;
}

// The menu itself (Radix's menu, popper and focus scope) loads and mounts on first use (components/lazy-menu.tsx):
// a page of rows renders one plain button each, not twenty closed menus.
const rowMenu = menuModule<UserRowMenuProps>(() =>
  import("./user-row-menu").then((module) => module.UserRowMenuDropdown),
);

function UserRowMenu(props: UserRowMenuProps) {
  const trigger = (
    <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${props.user.email}`}>
      <MoreHorizontalIcon aria-hidden />
    </Button>
  );
  return <LazyMenu menu={rowMenu} trigger={trigger} props={props} />;
}
