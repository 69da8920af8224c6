"use client";

import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/hooks/use-hydrated";

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

const menu = menuModule<UserMenuProps>(() => import("./user-menu-dropdown").then((module) => module.UserMenuDropdown));

/**
 * The signed-in user's avatar menu: who am I, account pages, sign out. Name, email and avatar come from the server
 * (the console layout reads the session from D1), so a profile change shows after the form's router.refresh(); the
 * menu (user-menu-dropdown.tsx) and the better-auth client for signing out load on first use.
 */
export function UserMenu(props: UserMenuProps) {
  const hydrated = useHydrated(); // a press before hydration would open nothing
  const { name, image } = props;
  const trigger = (
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
  );
  return <LazyMenu menu={menu} trigger={trigger} props={props} />;
}
