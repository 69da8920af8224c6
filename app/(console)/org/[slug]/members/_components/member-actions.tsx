"use client";

import { Crown, MoreHorizontal, ShieldCheck, UserMinus } from "lucide-react";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { MemberWithTeams } from "@/db/queries/members";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { preloadOrganizationWrites, removeMember, transferOwnership } from "@/lib/organization/writes";
import type { MembersColumnsOptions } from "./members-table-columns";

interface MemberActionsProps extends MembersColumnsOptions {
  member: MemberWithTeams;
}

// The role form (react-hook-form, zod, Radix Select) loads when someone asks to change a role.
const ChangeRoleDialog = lazyDialog(() => import("./change-role-form").then((module) => module.ChangeRoleForm));

type Open = "role" | "remove" | "transfer" | null;

/** Change role, transfer ownership, remove: each shown only when the viewer may do it (the server checks again). */
const NONE = { changeRole: false, remove: false, transfer: false };

export function MemberActions({ member, roles, organization, can, flags }: MemberActionsProps) {
  const [open, setOpen] = useState<Open>(null);
  const hydrated = useHydrated();
  // The rules' verdicts for this row (lib/auth/rules.ts, asked on the server): only owners touch owners, nobody but an
  // owner changes their own role.
  const { changeRole: mayChangeRole, remove: mayRemove, transfer: mayTransfer } = flags[member.id] ?? NONE;
  if (!mayChangeRole && !mayRemove && !mayTransfer) return null;

  const openAs = (which: Exclude<Open, null>) => (value: boolean) => setOpen(value ? which : null);

  return (
    <>
      <DropdownMenu onOpenChange={(value) => value && preloadOrganizationWrites()}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            disabled={!hydrated}
            aria-label={`Actions for ${member.name}`}
          >
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {mayChangeRole ? (
            <DropdownMenuItem onSelect={() => setOpen("role")}>
              <ShieldCheck aria-hidden /> Change role
            </DropdownMenuItem>
          ) : null}
          {mayTransfer ? (
            <DropdownMenuItem onSelect={() => setOpen("transfer")}>
              <Crown aria-hidden /> Transfer ownership
            </DropdownMenuItem>
          ) : null}
          {mayRemove ? (
            <DropdownMenuItem variant="destructive" onSelect={() => setOpen("remove")}>
              <UserMinus aria-hidden /> Remove from organization
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {mayChangeRole ? (
        <ChangeRoleDialog
          // A new role after the refresh: a fresh dialog, so no choice kept from before shows instead of it.
          key={member.role}
          open={open === "role"}
          onOpenChange={openAs("role")}
          title="Change role"
          description={`${member.name} (${member.email})`}
          member={member}
          roles={can.owner ? roles : roles.filter((role) => role !== "owner")}
          organizationId={organization.id}
        />
      ) : null}
      <ConfirmAction
        open={open === "remove"}
        onOpenChange={openAs("remove")}
        title={`Remove ${member.name}?`}
        description={`${member.name} (${member.email}) loses access to this organization and its teams at once.`}
        confirmLabel="Remove member"
        destructive
        action={() => removeMember(organization.id, member)}
      />
      <ConfirmAction
        open={open === "transfer"}
        onOpenChange={openAs("transfer")}
        title={`Make ${member.name} the owner?`}
        description="They become the owner and you become an admin, in one step. Only an owner can undo this."
        confirmLabel="Transfer ownership"
        action={() => transferOwnership(organization.slug, member)}
      />
    </>
  );
}
