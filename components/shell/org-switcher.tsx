"use client";

import { Building2, Check, ChevronsUpDown, Plus } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { preloadAuthClient } from "@/lib/auth/load-client";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { toast } from "@/lib/toast";
import { currentOrganization, type ShellOrganization } from "./current-org";

// Its form (react-hook-form + zod, ~40 KiB gzip) loads when someone opens it, not with every console page.
const CreateOrganizationDialog = lazy(() =>
  import("./create-organization-dialog").then((module) => ({ default: module.CreateOrganizationDialog })),
);

interface OrgSwitcherProps {
  organizations: ShellOrganization[];
  activeOrganizationId: string | null;
}

/** Shows the current organization; switches the active one (remembered for the next sign-in) or creates one. */
export function OrgSwitcher({ organizations, activeOrganizationId }: OrgSwitcherProps) {
  const pathname = usePathname();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const hydrated = useHydrated();
  const current = currentOrganization(organizations, pathname, activeOrganizationId);

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
    <>
      <DropdownMenu onOpenChange={(open) => open && preloadAuthClient()}>
        <DropdownMenuTrigger asChild>
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
        </DropdownMenuTrigger>
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
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden /> Create organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {creating ? (
        <Suspense fallback={null}>
          <CreateOrganizationDialog open onOpenChange={setCreating} />
        </Suspense>
      ) : null}
    </>
  );
}
