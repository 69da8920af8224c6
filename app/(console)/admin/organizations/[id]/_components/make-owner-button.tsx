"use client";

import { ConfirmAction } from "@/components/confirm-action";
import { makeOwnerAction } from "@/lib/actions/organization/make-owner";

interface MakeOwnerButtonProps {
  organizationId: string;
  organizationName: string;
  member: { id: string; name: string };
}

/** "Make owner" for one member, after a confirmation (and a fresh sign-in when the session is older than 15 minutes). */
export function MakeOwnerButton({ organizationId, organizationName, member }: MakeOwnerButtonProps) {
  return (
    <ConfirmAction
      triggerLabel={`Make ${member.name} an owner`}
      title={`Make ${member.name} an owner of ${organizationName}?`}
      description="Owners can change everything in the organization, including its members, roles and deletion. This is recorded in the audit trail."
      confirmLabel="Make owner"
      action={() => makeOwnerAction({ organizationId, memberId: member.id })}
    >
      Make owner
    </ConfirmAction>
  );
}
