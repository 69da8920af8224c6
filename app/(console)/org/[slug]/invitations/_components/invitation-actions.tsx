"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmAction } from "@/components/confirm-action";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { InvitationRow } from "@/db/queries/invitations";
import { cancelInvitation, preloadOrganizationWrites, resendInvitation } from "@/lib/organization/writes";
import { toast } from "@/lib/toast";

interface InvitationActionsProps {
  invitation: InvitationRow;
  organizationId: string;
  canCancel: boolean;
}

/** Resend (a fresh expiry and a new mail) and cancel (with confirmation). */
export function InvitationActions({ invitation, organizationId, canCancel }: InvitationActionsProps) {
  const router = useRouter();
  const [resending, setResending] = useState(false);

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
    <div className="flex justify-end gap-1">
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
