"use client";

import { LogOut, MonitorSmartphone, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { fromAuth } from "@/lib/actions/from-auth";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { toast } from "@/lib/toast";

export interface UserMenuProps {
  name: string;
  email: string;
  image: string | null;
}

export function initials(name: string) {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?"
  );
}

/**
 * The signed-in user's avatar menu: who am I, account pages, sign out. Name, email and avatar come from the server
 * (the console layout reads the session from D1), so a profile change shows after the form's router.refresh(); the
 * better-auth client loads only when the menu opens, for signing out.
 */
export function UserMenu({ name, email, image }: UserMenuProps) {
  const hydrated = useHydrated(); // a press before hydration would open nothing

  async function signOut() {
    const authClient = await loadAuthClient();
    const result = await fromAuth(await authClient.signOut());
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    window.location.assign("/sign-in");
  }

  return (
    <DropdownMenu onOpenChange={(open) => open && preloadAuthClient()}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          className="h-auto gap-2 px-2 py-1.5"
          disabled={!hydrated}
          aria-label={`Account menu for ${name}`}
        >
          <Avatar className="size-8">
            {image ? <AvatarImage src={image} alt="" /> : null}
            <AvatarFallback>{initials(name)}</AvatarFallback>
          </Avatar>
          <span className="hidden max-w-40 truncate font-medium text-sm sm:inline" data-testid="shell-user-name">
            {name}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="grid">
          <span className="truncate">{name}</span>
          <span className="truncate font-normal text-muted-foreground text-xs" data-testid="shell-user-email">
            {email}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account/profile">
            <UserRound aria-hidden /> Profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <ShieldCheck aria-hidden /> Security
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/sessions">
            <MonitorSmartphone aria-hidden /> Sessions
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={signOut}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
