"use client";

import Link from "next/link";
import type { MenuProps } from "@/components/lazy-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { canPunish, type UserRowMenuProps } from "./users-table-columns";

/** A user row's menu, mounted open on its first use (users-table-columns.tsx). */
export function UserRowMenuDropdown({ trigger, user, actions }: MenuProps<UserRowMenuProps>) {
  const punish = canPunish(user, actions.can);
  const flags = actions.can[user.id];
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="truncate">{user.email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/admin/users/${user.id}`}>Open</Link>
        </DropdownMenuItem>
        {actions.can[user.id]?.revokeSessions ? (
          <DropdownMenuItem onSelect={() => actions.onRevokeSessions(user)}>Sign out everywhere…</DropdownMenuItem>
        ) : null}
        {user.banned ? null : (
          <DropdownMenuItem
            disabled={!flags?.impersonate}
            onSelect={() => actions.onImpersonate(user)}
            className="flex-col items-start gap-0"
          >
            Impersonate…
            {flags?.whyNotImpersonate ? (
              <span className="text-muted-foreground text-xs">{flags.whyNotImpersonate}</span>
            ) : null}
          </DropdownMenuItem>
        )}
        {punish && !user.banned ? (
          <DropdownMenuItem variant="destructive" onSelect={() => actions.onBan(user)}>
            Ban…
          </DropdownMenuItem>
        ) : null}
        {punish && user.banned ? (
          <DropdownMenuItem onSelect={() => actions.onUnban(user)}>Unban…</DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
