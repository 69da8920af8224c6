"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { SidebarMenuButton } from "@/components/ui/sidebar";
import { Spinner } from "@/components/ui/spinner";

interface NavLinkProps {
  href: string;
  children: ReactNode;
  exact?: boolean;
}

/**
 * Shows that a clicked page is on its way: console pages render on the server before they stream (so a missing one
 * answers a real 404), which leaves the old page on screen until the new one arrives.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="ml-auto size-3.5" role="presentation" aria-hidden /> : null;
}

/** A sidebar link that marks itself as the current page, and as loading while its page is on its way. */
export function NavLink({ href, children, exact }: NavLinkProps) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <SidebarMenuButton asChild isActive={active}>
      <Link href={href}>
        {children}
        <PendingMark />
      </Link>
    </SidebarMenuButton>
  );
}
