"use client";

import { Crown, ShieldCheck, UserMinus } from "lucide-react";
import { useEffect, useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { lazyDialog } from "@/components/forms/lazy-dialog";
import type { MenuProps } from "@/components/lazy-menu";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { preloadOrganizationWrites, removeMember, transferOwnership } from "@/lib/organization/writes";
import type { MemberActionsProps } from "./member-actions";

// The role form (react-hook-form, zod, Radix Select) loads when someone asks to change a role.
const ChangeRoleDialog = lazyDialog(() => import("./change-role-form").then((module) => module.ChangeRoleForm));

type Open = "role" | "remove" | "transfer" | null;

const NONE = { changeRole: false, remove: false, transfer: false };

/** A member row's menu and its dialogs, mounted with the menu open on its first use (member-actions.tsx). */
export function MemberActionsMenu({ trigger, member, roles, organization, can, flags }: MenuProps<MemberActionsProps>) {
  const [open, setOpen] = useState<Open>(null);
  useEffect(preloadOrganizationWrites, []); // mounted open: the writes the items call load now
  const { changeRole: mayChangeRole, remove: mayRemove, transfer: mayTransfer } = flags[member.id] ?? NONE;

  const openAs = (which: Exclude<Open, null>) => (value: boolean) => setOpen(value ? which : null);

  return (
    <>
      <DropdownMenu defaultOpen onOpenChange={(value) => value && preloadOrganizationWrites()}>
        <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
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
