"use client";

import { Plus } from "lucide-react";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { preloadOrganizationWrites } from "@/lib/organization/writes";

/**
 * The dialog around a team's name form (create and rename). The form (react-hook-form + zod) loads when the dialog
 * first opens, not with the teams pages; better-auth's client starts loading with it.
 */
export const TeamNameDialog = lazyDialog(() => {
  preloadOrganizationWrites();
  return import("./team-name-form").then((module) => module.TeamNameForm);
});

/** "New team" button and its dialog. */
export function CreateTeamDialog({ organizationId }: { organizationId: string }) {
  const hydrated = useHydrated();
  return (
    <TeamNameDialog
      organizationId={organizationId}
      title="New team"
      description="Add members to it once it exists."
      trigger={
        <Button type="button" disabled={!hydrated}>
          <Plus aria-hidden /> New team
        </Button>
      }
    />
  );
}
