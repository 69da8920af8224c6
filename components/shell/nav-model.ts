// The console's pages as navigation knows them: the sidebar, the command palette and the breadcrumbs read this one
// list, so a page is named once and offered only to those the guard would let in (each page checks again).
import {
  Building2,
  ClipboardList,
  Gauge,
  Globe,
  Home,
  KeyRound,
  KeySquare,
  type LucideIcon,
  Mail,
  MonitorSmartphone,
  ScrollText,
  Settings,
  ShieldCheck,
  UserRound,
  Users,
  UsersRound,
  Webhook,
} from "lucide-react";
import type { ShellOrganization } from "./current-org";

export interface NavPage {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Active only on this exact path (not on the pages under it). */
  exact?: boolean;
}

export const HOME_PAGE: NavPage = { href: "/", label: "Home", icon: Home, exact: true };

export const ACCOUNT_PAGES: NavPage[] = [
  { href: "/account/profile", label: "Profile", icon: UserRound },
  { href: "/account/security", label: "Security", icon: KeyRound },
  { href: "/account/sessions", label: "Sessions", icon: MonitorSmartphone },
];

/** Who sees the Admin section: platform staff, not while impersonating (the layout decides, requireStaff checks). */
export interface StaffNav {
  staff: boolean;
  /** Operators only: platform webhooks. */
  operator?: boolean;
}

/** The Admin pages this viewer may open: none for non-staff. */
export function adminPages({ staff, operator }: StaffNav): NavPage[] {
  if (!staff) return [];
  const pages: NavPage[] = [
    { href: "/admin", label: "Dashboard", icon: Gauge, exact: true },
    { href: "/admin/users", label: "Users", icon: Users },
    { href: "/admin/organizations", label: "Organizations", icon: Building2 },
    { href: "/admin/audit", label: "Platform audit trail", icon: ScrollText },
  ];
  if (operator) pages.push({ href: "/admin/webhooks", label: "Webhooks", icon: Webhook });
  return pages;
}

/** An organization's pages this member may open: management pages only with their capability (requireOrg). */
export function orgPages(org: Pick<ShellOrganization, "slug" | "can">): NavPage[] {
  const base = `/org/${org.slug}`;
  const pages: Array<NavPage & { show: boolean }> = [
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
  return pages.filter((page) => page.show).map(({ show: _, ...page }) => page);
}
