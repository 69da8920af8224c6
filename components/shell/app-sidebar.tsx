import { Building2, Gauge, Home, KeyRound, MonitorSmartphone, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import {
  SidebarContent,
  SidebarGroup,
  SidebarGroupLabel,
  SidebarHeader,
  SidebarMenu,
  SidebarMenuItem,
} from "@/components/ui/sidebar";
import type { MyOrganization } from "@/db/queries/organizations";
import { NavLink } from "./nav-link";

interface AppSidebarContentProps {
  organizations: MyOrganization[];
  operator: boolean;
}

/** The console navigation: Account, Organization and (for operators) Admin sections. */
export function AppSidebarContent({ organizations, operator }: AppSidebarContentProps) {
  return (
    <>
      <SidebarHeader>
        <Link href="/" className="flex items-center gap-2 px-2 py-1 font-semibold">
          <ShieldCheck className="size-5" aria-hidden />
          Gatehouse
        </Link>
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
              <SidebarMenuItem>
                <NavLink href="/account/security">
                  <KeyRound aria-hidden /> Security
                </NavLink>
              </SidebarMenuItem>
              <SidebarMenuItem>
                <NavLink href="/account/sessions">
                  <MonitorSmartphone aria-hidden /> Sessions
                </NavLink>
              </SidebarMenuItem>
            </SidebarMenu>
          </SidebarGroup>
          <SidebarGroup>
            <SidebarGroupLabel>Organizations</SidebarGroupLabel>
            <SidebarMenu>
              {organizations.length === 0 ? (
                <li className="px-2 py-1 text-muted-foreground text-sm">No organizations yet</li>
              ) : (
                organizations.map((org) => (
                  <SidebarMenuItem key={org.id}>
                    <NavLink href={`/org/${org.slug}`}>
                      <Building2 aria-hidden /> <span className="truncate">{org.name}</span>
                    </NavLink>
                  </SidebarMenuItem>
                ))
              )}
            </SidebarMenu>
          </SidebarGroup>
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
