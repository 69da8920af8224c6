// An organization's pages as navigation knows them (the sidebar's organization section, the palette, the breadcrumbs):
// apart from nav-model.ts so the client organization nav carries only these pages' icons.
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
import type { ShellOrganization } from "./current-org";
import type { NavPage } from "./nav-model";

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
