"use client";

import { usePathname } from "next/navigation";
import { SidebarGroup, SidebarGroupLabel, SidebarMenu, SidebarMenuItem } from "@/components/ui/sidebar";
import { currentOrganization, type ShellOrganization } from "./current-org";
import { NavLink } from "./nav-link";
import { orgPages } from "./nav-model";

interface OrgNavProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

/** The current organization's pages; management links only for those who may manage (the pages check again). */
export function OrgNav({ organizations, activeOrganizationId }: OrgNavProps) {
  const pathname = usePathname();
  const org = currentOrganization(organizations, pathname, activeOrganizationId);
  if (!org) return null;
  return (
    <SidebarGroup>
      <SidebarGroupLabel>Organization</SidebarGroupLabel>
      <SidebarMenu>
        {orgPages(org).map(({ href, label, icon: Icon, exact }) => (
          <SidebarMenuItem key={href}>
            <NavLink href={href} exact={exact}>
              <Icon aria-hidden /> {label}
            </NavLink>
          </SidebarMenuItem>
        ))}
      </SidebarMenu>
    </SidebarGroup>
  );
}
