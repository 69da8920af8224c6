"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { toast } from "@/lib/toast";
import { TeamNameDialog } from "./team-name-dialog";

export interface TeamActionsOptions {
  organization: { id: string; slug: string };
  can: { update: boolean; delete: boolean };
}

interface TeamActionsProps extends TeamActionsOptions {
  team: { id: string; name: string };
  /** Where to go after deleting (e.g. back to the list from the team's page). */
  afterDelete?: string;
}

/** Rename and delete (with confirmation), for those who may. */
export function TeamActions({ team, organization, can, afterDelete }: TeamActionsProps) {
  const router = useRouter();
  const [open, setOpen] = useState<"rename" | "delete" | null>(null);
  if (!can.update && !can.delete) return null;

  async function rename(name: string) {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.updateTeam({
      teamId: team.id,
      data: { name, organizationId: organization.id },
    });
    if (error) return describeAuthError(error);
    toast.success(`Team renamed to ${name}`);
    router.refresh();
    return null;
  }

  async function remove() {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.removeTeam({ teamId: team.id, organizationId: organization.id });
    if (error) return describeAuthError(error);
    toast.success(`Team ${team.name} deleted`);
    if (afterDelete) router.push(afterDelete);
    router.refresh();
    return null;
  }

  return (
    <>
      <DropdownMenu onOpenChange={(value) => value && preloadAuthClient()}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-8" aria-label={`Actions for team ${team.name}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {can.update ? (
            <DropdownMenuItem onSelect={() => setOpen("rename")}>
              <Pencil aria-hidden /> Rename
            </DropdownMenuItem>
          ) : null}
          {can.delete ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setOpen("delete")}>
              <Trash2 aria-hidden /> Delete team
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      <TeamNameDialog
        open={open === "rename"}
        onOpenChange={(value) => setOpen(value ? "rename" : null)}
        title="Rename team"
        description={`Currently ${team.name}.`}
        submitLabel="Save name"
        defaultName={team.name}
        onSave={rename}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(value) => setOpen(value ? "delete" : null)}
        title={`Delete team ${team.name}?`}
        description="Its members stay in the organization; only the team goes."
        confirmLabel="Delete team"
        destructive
        onConfirm={remove}
      />
    </>
  );
}
