"use client";

// The console header's theme switch and account menu as one client boundary. Not ThemeToggle straight from the
// layout: Next's webpack client manifest files the root-level layouts of every route group ((auth) and (console))
// under one group, and a client component both of them import is given the chunks of whichever was built last, so
// every sign-in page was downloading the console shell's JavaScript (bench: first-load JS of /sign-in).
import { ThemeToggle } from "@/components/theme-toggle";
import { UserMenu, type UserMenuProps } from "./user-menu";

/** Theme switch and account menu, for the console header. */
export function HeaderControls(props: UserMenuProps) {
  return (
    <>
      <ThemeToggle />
      <UserMenu {...props} />
    </>
  );
}
