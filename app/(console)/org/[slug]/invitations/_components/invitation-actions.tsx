"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import type { InvitationRow } from "@/db/queries/invitations";
import { changeInvitationRoleAction } from "@/lib/actions/organization/change-invitation-role";
import { cancelInvitation, preloadOrganizationWrites, resendInvitation } from "@/lib/organization/writes";
import { toast } from "@/lib/toast";

interface InvitationActionsProps {
  invitation: InvitationRow;
  organizationId: string;
  slug: string;
  /** Roles the viewer may invite with (the server checks again). */
  roles: readonly string[];
  canCancel: boolean;
}

/**
 * Change the role (a new invitation with a new link replaces this one), resend (a fresh expiry and a new mail) and
 * cancel (with confirmation).
 */
export function InvitationActions({ invitation, organizationId, slug, roles, canCancel }: InvitationActionsProps) {
  const router = useRouter();
  const roleId = useId();
  const [resending, setResending] = useState(false);
  const otherRoles = roles.filter((role) => role !== invitation.role);
  const [role, setRole] = useState(otherRoles[0] ?? "");

  async function resend() {
    setResending(true);
    const result = await resendInvitation(organizationId, invitation);
    setResending(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success(result.message);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap justify-end gap-1">
      {canCancel && otherRoles.length > 0 ? (
        <ConfirmAction
          title={`Change the role of the invitation to ${invitation.email}?`}
          description="Their current link stops working; a new invitation with the new role is mailed to them."
          details={
            <div className="grid gap-2">
              <Label htmlFor={roleId}>New role</Label>
              <NativeSelect id={roleId} value={role} onChange={(event) => setRole(event.target.value)}>
                {otherRoles.map((name) => (
                  <NativeSelectOption key={name} value={name}>
                    {name}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
          }
          confirmLabel="Change role"
          action={() => changeInvitationRoleAction({ slug, invitationId: invitation.id, role })}
          triggerLabel={`Change role of the invitation to ${invitation.email}`}
          variant="ghost"
        >
          Change role
        </ConfirmAction>
      ) : null}
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={resending}
        aria-busy={resending}
        aria-label={`Resend invitation to ${invitation.email}`}
        onClick={() => void resend()}
      >
        {resending ? <Spinner /> : null} Resend
      </Button>
      {canCancel ? (
        <ConfirmAction
          title="Cancel this invitation?"
          description={`The link sent to ${invitation.email} stops working.`}
          confirmLabel="Cancel invitation"
          destructive
          action={() => cancelInvitation(invitation)}
          onOpenChange={(open) => open && preloadOrganizationWrites()}
          triggerLabel={`Cancel invitation to ${invitation.email}`}
          variant="ghost"
        >
          Cancel
        </ConfirmAction>
      ) : null}
    </div>
  );
}
