import {
  Building2,
  Gauge,
  Home,
  KeyRound,
  MonitorSmartphone,
  ScrollText,
  ShieldCheck,
  UserRound,
  Users,
  Webhook,
} from "lucide-react";
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
  /** Operators and support staff (not while impersonating): the Admin section. */
  staff: boolean;
  /** Operators (not while impersonating): platform webhooks. */
  operator?: boolean;
}

/** The console navigation: Account, Organization and (for platform staff) Admin sections. */
export function AppSidebarContent({ organizations, activeOrganizationId, staff, operator }: AppSidebarContentProps) {
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
          <OrgNav organizations={organizations} activeOrganizationId={activeOrganizationId} />
          {staff ? (
            <SidebarGroup>
              <SidebarGroupLabel>Admin</SidebarGroupLabel>
              <SidebarMenu>
                <SidebarMenuItem>
                  <NavLink href="/admin" exact>
                    <Gauge aria-hidden /> Dashboard
                  </NavLink>
                </SidebarMenuItem>
                <SidebarMenuItem>
                  <NavLink href="/admin/users">
                    <Users aria-hidden /> Users
                  </NavLink>
                </SidebarMenuItem>
                <SidebarMenuItem>
                  <NavLink href="/admin/organizations">
                    <Building2 aria-hidden /> Organizations
                  </NavLink>
                </SidebarMenuItem>
                <SidebarMenuItem>
                  <NavLink href="/admin/audit">
                    <ScrollText aria-hidden /> Platform audit trail
                  </NavLink>
                </SidebarMenuItem>
                {operator ? (
                  <SidebarMenuItem>
                    <NavLink href="/admin/webhooks">
                      <Webhook aria-hidden /> Webhooks
                    </NavLink>
                  </SidebarMenuItem>
                ) : null}
              </SidebarMenu>
            </SidebarGroup>
          ) : null}
        </nav>
      </SidebarContent>
    </>
  );
}
