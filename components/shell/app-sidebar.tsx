import { Gauge, Home, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import {
  SidebarContent,
  SidebarGroup,
  SidebarGroupLabel,
  SidebarHeader,
  SidebarMenu,
  SidebarMenuItem,
} from "@/components/ui/sidebar";
import type { ShellOrganization } from "./current-org";
import { NavLink } from "./nav-link";
import { OrgNav } from "./org-nav";
import { OrgSwitcher } from "./org-switcher";

interface AppSidebarContentProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
  operator: boolean;
}

/** The console navigation: Account, Organization and (for operators) Admin sections. */
export function AppSidebarContent({ organizations, activeOrganizationId, operator }: AppSidebarContentProps) {
  return (
    <>
      <SidebarHeader>
        <Link href="/" className="flex items-center gap-2 px-2 py-1 font-semibold">
          <ShieldCheck className="size-5" aria-hidden />
          Gatehouse
        </Link>
        <OrgSwitcher organizations={organizations} activeOrganizationId={activeOrganizationId} />
      </SidebarHeader>
      <SidebarContent>
        <nav aria-label="Console">
          <SidebarGroup>
            <SidebarMenu>
              <SidebarMenuItem>
                <NavLink href="/" exact>
                  <Home aria-hidden /> Home
                </NavLink>
              </SidebarMenuItem>
            </SidebarMenu>
          </SidebarGroup>
          <SidebarGroup>
            <SidebarGroupLabel>Account</SidebarGroupLabel>
            <SidebarMenu>
              <SidebarMenuItem>
                <NavLink href="/account/profile">
                  <UserRound aria-hidden /> Profile
                </NavLink>
              </SidebarMenuItem>
            </SidebarMenu>
          </SidebarGroup>
          <OrgNav organizations={organizations} activeOrganizationId={activeOrganizationId} />
          {operator ? (
            <SidebarGroup>
              <SidebarGroupLabel>Admin</SidebarGroupLabel>
              <SidebarMenu>
                <SidebarMenuItem>
                  <NavLink href="/admin">
                    <Gauge aria-hidden /> Overview
                  </NavLink>
                </SidebarMenuItem>
              </SidebarMenu>
            </SidebarGroup>
          ) : null}
        </nav>
      </SidebarContent>
    </>
  );
}
