"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { NameField } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { createTeam, renameTeam } from "@/lib/organization/writes";
import { type TeamName, teamNameSchema } from "@/lib/validations/organization";

export interface TeamNameFormProps {
  organizationId: string;
  /** The team to rename; without one, a new team. */
  team?: { id: string; name: string };
}

/** The one form of a team: its name (create and rename). Loaded when its dialog opens. */
export function TeamNameForm({ organizationId, team, close }: TeamNameFormProps & DialogFormProps) {
  const router = useRouter();
  const state = useActionForm<TeamName>({
    schema: teamNameSchema,
    defaultValues: { name: team?.name ?? "" },
    action: ({ name }) => (team ? renameTeam(organizationId, team, name) : createTeam(organizationId, name)),
    onSuccess: () => {
      close();
      router.refresh();
    },
  });

  return (
    <ActionForm state={state}>
      <NameField control={state.form.control} name="name" label="Team name" autoComplete="off" />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} {team ? "Save name" : "Create team"}
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
