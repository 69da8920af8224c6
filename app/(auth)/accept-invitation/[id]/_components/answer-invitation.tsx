"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth/client";
import { describeAuthError } from "@/lib/auth/errors";
import { useHydrated } from "@/lib/hooks/use-hydrated";

interface AnswerInvitationProps {
  invitationId: string;
  organizationSlug: string;
}

/** Accept (then open the organization) or decline, through better-auth. */
export function AnswerInvitation({ invitationId, organizationSlug }: AnswerInvitationProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState<"accept" | "reject" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setPending("accept");
    setError(null);
    const { error } = await authClient.organization.acceptInvitation({ invitationId });
    if (error) {
      setPending(null);
      setError(describeAuthError(error));
      return;
    }
    // A full load: the console renders with the membership and the active organization just set.
    window.location.assign(`/org/${organizationSlug}`);
  }

  async function reject() {
    setPending("reject");
    setError(null);
    const { error } = await authClient.organization.rejectInvitation({ invitationId });
    setPending(null);
    if (error) {
      setError(describeAuthError(error));
      return;
    }
    router.refresh();
  }

  return (
    <>
      <CardContent>{error ? <FormAlert>{error}</FormAlert> : null}</CardContent>
      <CardFooter className="mt-2 flex flex-col gap-3">
        <Button
          type="button"
          className="w-full"
          disabled={!hydrated || pending !== null}
          aria-busy={pending === "accept"}
          onClick={() => void accept()}
        >
          {pending === "accept" ? <Spinner /> : null} Accept invitation
        </Button>
        <Button
          type="button"
          variant="outline"
          className="w-full"
          disabled={!hydrated || pending !== null}
          aria-busy={pending === "reject"}
          onClick={() => void reject()}
        >
          {pending === "reject" ? <Spinner /> : null} Decline
        </Button>
      </CardFooter>
    </>
  );
}
