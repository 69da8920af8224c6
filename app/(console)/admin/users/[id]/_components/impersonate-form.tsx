"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { impersonateUserAction } from "@/lib/actions/users/impersonate-user";
import { IMPERSONATION_REASON_MIN } from "@/lib/auth/operator-rules";
import { type ImpersonateUser, impersonateUserSchema } from "@/lib/validations/users";
import { ReasonField } from "../../../_components/operator-fields";

/** The reason, then the impersonation itself (loaded with the dialog: react-hook-form and zod stay off the page). */
export function ImpersonateForm({ userId, close }: { userId: string } & DialogFormProps) {
  const state = useActionForm<ImpersonateUser>({
    schema: impersonateUserSchema,
    defaultValues: { userId, reason: "" },
    action: impersonateUserAction,
    // The console opens as the user at once: a full load, so every server component renders for their session.
    toast: false,
    onSuccess: () => window.location.assign("/"),
  });

  return (
    <ActionForm state={state}>
      <ReasonField
        control={state.form.control}
        name="reason"
        placeholder="Ticket number and what you need to check"
        description={`At least ${IMPERSONATION_REASON_MIN} characters.`}
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Start impersonating
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
