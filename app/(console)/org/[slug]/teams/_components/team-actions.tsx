"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { deleteTeam, preloadOrganizationWrites } from "@/lib/organization/writes";
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

  return (
    <>
      <DropdownMenu onOpenChange={(value) => value && preloadOrganizationWrites()}>
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
      {can.update ? (
        <TeamNameDialog
          // A new name after the refresh: a fresh dialog, so the old name is not kept as if it had been typed.
          key={team.name}
          open={open === "rename"}
          onOpenChange={(value) => setOpen(value ? "rename" : null)}
          title="Rename team"
          description={`Currently ${team.name}.`}
          organizationId={organization.id}
          team={team}
        />
      ) : null}
      <ConfirmAction
        open={open === "delete"}
        onOpenChange={(value) => setOpen(value ? "delete" : null)}
        title={`Delete team ${team.name}?`}
        description="Its members stay in the organization; only the team goes."
        confirmLabel="Delete team"
        destructive
        action={() => deleteTeam(organization.id, team)}
        onDone={() => {
          if (afterDelete) router.push(afterDelete);
          router.refresh();
        }}
      />
    </>
  );
}
