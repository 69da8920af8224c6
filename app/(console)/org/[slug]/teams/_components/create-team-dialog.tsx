"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient } from "@/lib/auth/load-client";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { toast } from "@/lib/toast";
import { TeamNameDialog } from "./team-name-dialog";

/** "New team" button and its dialog. */
export function CreateTeamDialog({ organizationId }: { organizationId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();

  async function create(name: string) {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.createTeam({ name, organizationId });
    if (error) return describeAuthError(error);
    toast.success(`Team ${name} created`);
    router.refresh();
    return null;
  }

  return (
    <>
      <Button type="button" disabled={!hydrated} onClick={() => setOpen(true)}>
        <Plus aria-hidden /> New team
      </Button>
      <TeamNameDialog
        open={open}
        onOpenChange={setOpen}
        title="New team"
        description="Add members to it once it exists."
        submitLabel="Create team"
        onSave={create}
      />
    </>
  );
}
