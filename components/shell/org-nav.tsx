"use client";

import {
  Building2,
  ClipboardList,
  Globe,
  KeyRound,
  KeySquare,
  Mail,
  Settings,
  ShieldCheck,
  Users,
  UsersRound,
  Webhook,
} from "lucide-react";
import { usePathname } from "next/navigation";
import { SidebarGroup, SidebarGroupLabel, SidebarMenu, SidebarMenuItem } from "@/components/ui/sidebar";
import { currentOrganization, type ShellOrganization } from "./current-org";
import { NavLink } from "./nav-link";

interface OrgNavProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

/** The current organization's pages; management links only for those who may manage (the pages check again). */
export function OrgNav({ organizations, activeOrganizationId }: OrgNavProps) {
  const pathname = usePathname();
  const org = currentOrganization(organizations, pathname, activeOrganizationId);
  if (!org) return null;
  const base = `/org/${org.slug}`;
  const links = [
    { href: base, label: "Overview", icon: Building2, show: true, exact: true },
    { href: `${base}/members`, label: "Members", icon: Users, show: true },
    { href: `${base}/teams`, label: "Teams", icon: UsersRound, show: true },
    { href: `${base}/invitations`, label: "Invitations", icon: Mail, show: org.can.invitations },
    { href: `${base}/roles`, label: "Roles", icon: KeyRound, show: org.can.roles },
    { href: `${base}/settings`, label: "Settings", icon: Settings, show: org.can.settings },
    { href: `${base}/security`, label: "Security", icon: ShieldCheck, show: org.can.security },
    { href: `${base}/domains`, label: "Domains", icon: Globe, show: org.can.domains },
    { href: `${base}/audit`, label: "Audit trail", icon: ClipboardList, show: org.can.audit },
    { href: `${base}/webhooks`, label: "Webhooks", icon: Webhook, show: org.can.webhooks },
    { href: `${base}/api-keys`, label: "API keys", icon: KeySquare, show: org.can.apiKeys },
  ];
  return (
    <SidebarGroup>
      <SidebarGroupLabel>Organization</SidebarGroupLabel>
      <SidebarMenu>
        {links
          .filter((link) => link.show)
          .map(({ href, label, icon: Icon, exact }) => (
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
