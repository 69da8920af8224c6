"use client";

import { Check, Plus } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import type { MenuProps } from "@/components/lazy-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { preloadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { currentOrganization, type ShellOrganization } from "./current-org";

export interface OrgSwitcherMenuProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
  onCreate: () => void;
}

/** The organization menu itself (components/shell/org-switcher.tsx loads it on first use, already open). */
export function OrgSwitcherDropdown({
  trigger,
  organizations,
  activeOrganizationId,
  onCreate,
}: MenuProps<OrgSwitcherMenuProps>) {
  const pathname = usePathname();
  const router = useRouter();
  const current = currentOrganization(organizations, pathname, activeOrganizationId);
  useEffect(preloadAuthClient, []);

  async function switchTo(org: ShellOrganization) {
    // On every console page: the organization writes load with the first switch, not with the page.
    const { setActiveOrganization } = await import("@/lib/organization/writes");
    const result = await setActiveOrganization(org.id);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    router.push(`/org/${org.slug}`);
    router.refresh();
  }

  return (
    <DropdownMenu defaultOpen onOpenChange={(open) => open && preloadAuthClient()}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Organizations</DropdownMenuLabel>
        {organizations.length === 0 ? (
          <p className="px-2 py-1.5 text-muted-foreground text-sm">No organizations yet</p>
        ) : (
          organizations.map((org) => (
            <DropdownMenuItem key={org.id} onSelect={() => void switchTo(org)}>
              <span className="truncate">{org.name}</span>
              {org.id === current?.id ? <Check className="ml-auto" aria-label="current" /> : null}
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={onCreate}>
          <Plus aria-hidden /> Create organization
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
