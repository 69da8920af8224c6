import { ShieldCheck } from "lucide-react";
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
import { ACCOUNT_PAGES, adminPages, HOME_PAGE, type NavPage, type StaffNav } from "./nav-model";
import { OrgNav } from "./org-nav";
import { OrgSwitcher } from "./org-switcher";

interface AppSidebarContentProps extends StaffNav {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

function NavGroup({ label, pages }: { label?: string; pages: NavPage[] }) {
  if (pages.length === 0) return null;
  return (
    <SidebarGroup>
      {label ? <SidebarGroupLabel>{label}</SidebarGroupLabel> : null}
      <SidebarMenu>
        {pages.map(({ href, label: name, icon: Icon, exact }) => (
          <SidebarMenuItem key={href}>
            <NavLink href={href} exact={exact}>
              <Icon aria-hidden /> {name}
            </NavLink>
          </SidebarMenuItem>
        ))}
      </SidebarMenu>
    </SidebarGroup>
  );
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
          <NavGroup pages={[HOME_PAGE]} />
          <NavGroup label="Account" pages={ACCOUNT_PAGES} />
          <OrgNav organizations={organizations} activeOrganizationId={activeOrganizationId} />
          <NavGroup label="Admin" pages={adminPages({ staff, operator })} />
        </nav>
      </SidebarContent>
    </>
  );
}
