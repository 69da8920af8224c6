"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import type { MenuProps } from "@/components/lazy-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { deleteTeam, preloadOrganizationWrites } from "@/lib/organization/writes";
import type { TeamActionsProps } from "./team-actions";
import { TeamNameDialog } from "./team-name-dialog";

/** A team's menu and its dialogs, mounted with the menu open on its first use (team-actions.tsx). */
export function TeamActionsMenu({ trigger, team, organization, can, afterDelete }: MenuProps<TeamActionsProps>) {
  const router = useRouter();
  const [open, setOpen] = useState<"rename" | "delete" | null>(null);
  useEffect(preloadOrganizationWrites, []); // mounted open: the writes the items call load now

  return (
    <>
      <DropdownMenu defaultOpen onOpenChange={(value) => value && preloadOrganizationWrites()}>
        <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
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
