"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { ActionForm, ActionFormAlert } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { fromAuth } from "@/lib/actions/from-auth";
import { authClient } from "@/lib/auth/client";
import { useHydrated } from "@/lib/hooks/use-hydrated";

// The answer is the button pressed: each sets it just before the form is sent.
const answerSchema = z.object({ answer: z.enum(["accept", "reject"]) });
type Answer = z.infer<typeof answerSchema>;

interface AnswerInvitationProps {
  invitationId: string;
  organizationSlug: string;
}

/** Accept (then open the organization) or decline, through better-auth. */
export function AnswerInvitation({ invitationId, organizationSlug }: AnswerInvitationProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const state = useActionForm<Answer, unknown>({
    schema: answerSchema,
    defaultValues: { answer: "accept" },
    action: async ({ answer }) =>
      answer === "accept"
        ? await fromAuth(await authClient.organization.acceptInvitation({ invitationId }))
        : await fromAuth(await authClient.organization.rejectInvitation({ invitationId })),
    onSuccess: (_, { answer }) => {
      // A full load: the console renders with the membership and the active organization just set.
      if (answer === "accept") window.location.assign(`/org/${organizationSlug}`);
      else router.refresh();
    },
    toast: false,
    keepValues: true,
  });
  const pending = state.pending ? state.form.getValues("answer") : null;

  return (
    <ActionForm state={state} alert="none" className="flex flex-col gap-6">
      <CardContent>
        <ActionFormAlert state={state} />
      </CardContent>
      <CardFooter className="mt-2 flex flex-col gap-3">
        <Button
          type="submit"
          className="w-full"
          disabled={!hydrated || pending !== null}
          aria-busy={pending === "accept"}
          onClick={() => state.form.setValue("answer", "accept")}
        >
          {pending === "accept" ? <Spinner /> : null} Accept invitation
        </Button>
        <Button
          type="submit"
          variant="outline"
          className="w-full"
          disabled={!hydrated || pending !== null}
          aria-busy={pending === "reject"}
          onClick={() => state.form.setValue("answer", "reject")}
        >
          {pending === "reject" ? <Spinner /> : null} Decline
        </Button>
      </CardFooter>
    </ActionForm>
  );
}
