import { SidebarGroup, SidebarGroupLabel, SidebarMenu, SidebarMenuItem } from "@/components/ui/sidebar";
import { NavLink } from "./nav-link";
import type { NavPage } from "./nav-model";

/** One section of the sidebar: its label and its pages' links (nothing when it has no page for this viewer). */
export function NavGroup({
  label,
  pages,
  pendingHref = null,
}: {
  label?: string;
  pages: NavPage[];
  /** The page on its way (the sidebar's `useNavClicks`). */
  pendingHref?: string | null;
}) {
  if (pages.length === 0) return null;
  return (
    <SidebarGroup>
      {label ? <SidebarGroupLabel>{label}</SidebarGroupLabel> : null}
      <SidebarMenu>
        {pages.map(({ href, label: name, icon: Icon, exact }) => (
          <SidebarMenuItem key={href}>
            <NavLink href={href} exact={exact} pending={href === pendingHref}>
              <Icon aria-hidden /> {name}
            </NavLink>
          </SidebarMenuItem>
        ))}
      </SidebarMenu>
    </SidebarGroup>
  );
}
