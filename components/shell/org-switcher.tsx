"use client";

import { Building2, ChevronsUpDown } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { LazyMenu, menuModule } from "@/components/lazy-menu";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { CreateOrganizationLauncher } from "./create-organization-launcher";
import { currentOrganization, type ShellOrganization } from "./current-org";
import type { OrgSwitcherMenuProps } from "./org-switcher-dropdown";

const menu = menuModule<OrgSwitcherMenuProps>(() =>
  import("./org-switcher-dropdown").then((module) => module.OrgSwitcherDropdown),
);

interface OrgSwitcherProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

/** Shows the current organization; switches the active one (remembered for the next sign-in) or creates one. */
export function OrgSwitcher({ organizations, activeOrganizationId }: OrgSwitcherProps) {
  const pathname = usePathname();
  const [creating, setCreating] = useState(false);
  const hydrated = useHydrated();
  const current = currentOrganization(organizations, pathname, activeOrganizationId);
  const trigger = (
    <Button
      variant="outline"
      disabled={!hydrated}
      className="h-auto w-full justify-between gap-2 px-2 py-1.5"
      aria-label={current ? `Organization: ${current.name}. Switch organization` : "Choose an organization"}
      data-testid="org-switcher"
    >
      <span className="flex min-w-0 items-center gap-2">
        <Building2 className="size-4 shrink-0" aria-hidden />
        <span className="truncate text-sm" data-testid="org-switcher-current">
          {current ? current.name : "Choose an organization"}
        </span>
      </span>
      <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
    </Button>
  );

  return (
    <>
      <LazyMenu
        menu={menu}
        trigger={trigger}
        props={{ organizations, activeOrganizationId, onCreate: () => setCreating(true) }}
      />
      <CreateOrganizationLauncher open={creating} onOpenChange={setCreating} />
    </>
  );
}
