"use client";

import { Crown, MoreHorizontal, ShieldCheck, UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { MemberWithTeams } from "@/db/queries/members";
import { transferOwnershipAction } from "@/lib/actions/organization/transfer-ownership";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
import { parseRoleList } from "@/lib/auth/roles";
import { useHydrated } from "@/lib/hooks/use-hydrated";
import { toast } from "@/lib/toast";
import type { MembersColumnsOptions } from "./members-table-columns";

interface MemberActionsProps extends MembersColumnsOptions {
  member: MemberWithTeams;
}

// The role form (Radix Select, the better-auth client) loads when someone asks to change a role.
const ChangeRoleDialog = lazy(() =>
  import("./change-role-dialog").then((module) => ({ default: module.ChangeRoleDialog })),
);

type Open = "role" | "remove" | "transfer" | null;

/** Change role, transfer ownership, remove: each shown only when the viewer may do it (the server checks again). */
export function MemberActions({ member, roles, organization, me, can }: MemberActionsProps) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const hydrated = useHydrated();
  const isSelf = member.id === me.memberId;
  const targetIsOwner = parseRoleList(member.role).includes("owner");
  // Only owners touch owners; nobody but an owner changes their own role.
  const mayChangeRole = can.updateMembers && (can.owner || (!targetIsOwner && !isSelf));
  const mayRemove = can.removeMembers && !isSelf && (can.owner || !targetIsOwner);
  const mayTransfer = can.owner && !isSelf && !targetIsOwner;
  if (!mayChangeRole && !mayRemove && !mayTransfer) return null;

  async function remove() {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.removeMember({
      memberIdOrEmail: member.id,
      organizationId: organization.id,
    });
    if (error) return describeAuthError(error);
    toast.success(`${member.name} was removed from the organization`);
    router.refresh();
    return null;
  }

  async function transfer() {
    const result = await transferOwnershipAction({ slug: organization.slug, memberId: member.id });
    if (!result.ok) return result.error;
    toast.success(`${member.name} is now the owner; you are an admin`);
    router.refresh();
    return null;
  }

  return (
    <>
      <DropdownMenu onOpenChange={(value) => value && preloadAuthClient()}>
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
      {mayChangeRole && open === "role" ? (
        <Suspense fallback={null}>
          <ChangeRoleDialog
            open
            onOpenChange={(value) => setOpen(value ? "role" : null)}
            member={member}
            roles={can.owner ? roles : roles.filter((role) => role !== "owner")}
            organizationId={organization.id}
          />
        </Suspense>
      ) : null}
      <ConfirmDialog
        open={open === "remove"}
        onOpenChange={(value) => setOpen(value ? "remove" : null)}
        title={`Remove ${member.name}?`}
        description={`${member.name} (${member.email}) loses access to this organization and its teams at once.`}
        confirmLabel="Remove member"
        destructive
        onConfirm={remove}
      />
      <ConfirmDialog
        open={open === "transfer"}
        onOpenChange={(value) => setOpen(value ? "transfer" : null)}
        title={`Make ${member.name} the owner?`}
        description="They become the owner and you become an admin, in one step. Only an owner can undo this."
        confirmLabel="Transfer ownership"
        onConfirm={transfer}
      />
    </>
  );
}
