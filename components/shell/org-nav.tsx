"use client";

import { usePathname } from "next/navigation";
import { currentOrganization, type ShellOrganization } from "./current-org";
import { NavGroup } from "./nav-group";
import { orgPages } from "./org-pages";

interface OrgNavProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
  pendingHref?: string | null;
}

/** The current organization's pages; management links only for those who may manage (the pages check again). */
export function OrgNav({ organizations, activeOrganizationId, pendingHref = null }: OrgNavProps) {
  const pathname = usePathname();
  const org = currentOrganization(organizations, pathname, activeOrganizationId);
  if (!org) return null;
  return <NavGroup label="Organization" pages={orgPages(org)} pendingHref={pendingHref} />;
}
