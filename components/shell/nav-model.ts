// The console's pages as navigation knows them: the sidebar, the command palette and the breadcrumbs read this one
// list, so a page is named once and offered only to those the guard would let in (each page checks again).
// An organization's pages are in org-pages.ts: the client organization nav imports only those (and their icons).
import {
  Building2,
  Gauge,
  Home,
  KeyRound,
  type LucideIcon,
  MonitorSmartphone,
  ScrollText,
  UserRound,
  Users,
  Webhook,
} from "lucide-react";

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
