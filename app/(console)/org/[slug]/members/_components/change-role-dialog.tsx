"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import type { MemberWithTeams } from "@/db/queries/members";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { parseRoleList } from "@/lib/auth/roles";
import { toast } from "@/lib/toast";

interface ChangeRoleDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  member: MemberWithTeams;
  roles: readonly string[];
  organizationId: string;
}

/** Picks a new role (built-in or custom) for a member through better-auth, which checks who may grant what. */
export function ChangeRoleDialog({ open, onOpenChange, member, roles, organizationId }: ChangeRoleDialogProps) {
  const router = useRouter();
  const current = parseRoleList(member.role)[0] ?? "member";
  const [role, setRole] = useState(current);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setPending(true);
    setError(null);
    const { error } = await authClient.organization.updateMemberRole({
      memberId: member.id,
      role,
      organizationId,
    });
    setPending(false);
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    toast.success(`${member.name} is now ${role}`);
    onOpenChange(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setError(null);
          setRole(current);
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change role</DialogTitle>
          <DialogDescription>
            {member.name} ({member.email})
          </DialogDescription>
        </DialogHeader>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <div className="grid gap-2">
          <Label htmlFor="member-role">Role</Label>
          <Select value={role} onValueChange={setRole}>
            <SelectTrigger id="member-role" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {roles.map((name) => (
                <SelectItem key={name} value={name}>
                  {name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="button" disabled={pending || role === current} aria-busy={pending} onClick={() => void save()}>
            {pending ? <Spinner /> : null} Save role
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
