"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { SidebarMenuButton } from "@/components/ui/sidebar";

interface NavLinkProps {
  href: string;
  children: ReactNode;
  exact?: boolean;
}

/** A sidebar link that marks itself as the current page. */
export function NavLink({ href, children, exact }: NavLinkProps) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <SidebarMenuButton asChild isActive={active}>
      <Link href={href}>{children}</Link>
    </SidebarMenuButton>
  );
}
