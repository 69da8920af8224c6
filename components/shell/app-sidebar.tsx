"use client";

import { ShieldCheck } from "lucide-react";
import { SidebarContent, SidebarHeader } from "@/components/ui/sidebar";
import type { ShellOrganization } from "./current-org";
import { NavGroup } from "./nav-group";
import { useNavClicks } from "./nav-link";
import { ACCOUNT_PAGES, adminPages, HOME_PAGE, type StaffNav } from "./nav-model";
import { OrgNav } from "./org-nav";
import { OrgSwitcher } from "./org-switcher";

interface AppSidebarContentProps extends StaffNav {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

/**
 * The console navigation: Account, Organization and (for platform staff) Admin sections. A client component although
 * it has no state: the layout then sends one element with the organizations and two flags, where a server component
 * sent every group, item, link and icon (with its SVG paths) as elements of its own in the page's RSC payload, which
 * the server wrote, and read back to render the HTML, on every page (README, "Performance").
 */
export function AppSidebarContent({ organizations, activeOrganizationId, staff, operator }: AppSidebarContentProps) {
  // Its links are plain anchors; these make their clicks client-side navigations (components/shell/nav-link.tsx).
  const { handlers, pendingHref } = useNavClicks();
  return (
    <>
      <SidebarHeader {...handlers}>
        <a href="/" className="flex items-center gap-2 px-2 py-1 font-semibold">
          <ShieldCheck className="size-5" aria-hidden />
          Gatehouse
        </a>
        <OrgSwitcher organizations={organizations} activeOrganizationId={activeOrganizationId} />
      </SidebarHeader>
      <SidebarContent>
        <nav aria-label="Console" {...handlers}>
          <NavGroup pages={[HOME_PAGE]} pendingHref={pendingHref} />
          <NavGroup label="Account" pages={ACCOUNT_PAGES} pendingHref={pendingHref} />
          <OrgNav organizations={organizations} activeOrganizationId={activeOrganizationId} pendingHref={pendingHref} />
          <NavGroup label="Admin" pages={adminPages({ staff, operator })} pendingHref={pendingHref} />
        </nav>
      </SidebarContent>
    </>
  );
}
