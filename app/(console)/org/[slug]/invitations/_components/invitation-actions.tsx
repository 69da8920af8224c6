"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/org/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { InvitationRow } from "@/db/queries/invitations";
import { describeAuthError } from "@/lib/auth/errors";
import { loadAuthClient, preloadAuthClient } from "@/lib/auth/load-client";
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
  const [confirming, setConfirming] = useState(false);

  async function resend() {
    setResending(true);
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.inviteMember({
      email: invitation.email,
      role: invitation.role as "member", // the invitation's own role, custom or not
      organizationId,
      resend: true,
    });
    if (!error && invitation.expiresAt.getTime() <= Date.now()) {
      // better-auth issues a new invitation for an expired one; the old link is retired.
      await authClient.organization.cancelInvitation({ invitationId: invitation.id });
    }
    setResending(false);
    if (error) {
      toast.error(describeAuthError(error));
      return;
    }
    toast.success(`Invitation resent to ${invitation.email}`);
    router.refresh();
  }

  async function cancel() {
    const authClient = await loadAuthClient();
    const { error } = await authClient.organization.cancelInvitation({ invitationId: invitation.id });
    if (error) return describeAuthError(error);
    toast.success(`Invitation to ${invitation.email} cancelled`);
    router.refresh();
    return null;
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
        <>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-label={`Cancel invitation to ${invitation.email}`}
            onClick={() => {
              preloadAuthClient();
              setConfirming(true);
            }}
          >
            Cancel
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Cancel this invitation?"
            description={`The link sent to ${invitation.email} stops working.`}
            confirmLabel="Cancel invitation"
            destructive
            onConfirm={cancel}
          />
        </>
      ) : null}
    </div>
  );
}
