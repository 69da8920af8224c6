"use client";

import { ActionForm } from "@/components/forms/action-form";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { unbanUserAction } from "@/lib/actions/users/unban-user";
import { type UserAction, userActionSchema } from "@/lib/validations/users";
import { ReasonField } from "./operator-fields";

/** Lifting a ban, with an optional reason for the audit trail (loaded with its dialog). */
export function UnbanForm({ userId, onSuccess, close }: { userId: string; onSuccess?: () => void } & DialogFormProps) {
  const state = useActionForm<UserAction>({
    schema: userActionSchema,
    defaultValues: { userId, reason: "" },
    action: (values) => unbanUserAction({ userId, reason: values.reason || undefined }),
    onSuccess: () => {
      close();
      onSuccess?.();
    },
  });
  return (
    <ActionForm state={state}>
      <ReasonField
        control={state.form.control}
        name="reason"
        placeholder="Appeal accepted, ticket number… (optional)"
        description="Optional. Recorded in the audit trail."
      />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Unban
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
