"use client";

import { LogOut } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import type { MenuProps } from "@/components/lazy-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { preloadAuthClient } from "@/lib/auth/load-client";
import { ACCOUNT_PAGES } from "./nav-model";
import { signOut } from "./sign-out";
import type { UserMenuProps } from "./user-menu";

/** The account menu itself (components/shell/user-menu.tsx loads it on first use, already open). */
export function UserMenuDropdown({ trigger, name, email }: MenuProps<UserMenuProps>) {
  useEffect(preloadAuthClient, []); // mounted open: the client for signing out loads now
  return (
    <DropdownMenu defaultOpen onOpenChange={(open) => open && preloadAuthClient()}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="grid">
          <span className="truncate">{name}</span>
          <span className="truncate font-normal text-muted-foreground text-xs" data-testid="shell-user-email">
            {email}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {ACCOUNT_PAGES.map(({ href, label, icon: Icon }) => (
          <DropdownMenuItem key={href} asChild>
            <Link href={href}>
              <Icon aria-hidden /> {label}
            </Link>
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOut}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
