"use client";

import { ActionForm } from "@/components/forms/action-form";
import { NewPasswordFields } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { setUserPasswordAction } from "@/lib/actions/users/set-user-password";
import { type SetUserPassword, setUserPasswordSchema } from "@/lib/validations/users";

/** The new password (loaded with the dialog: react-hook-form and zod stay off the page). */
export function SetPasswordForm({ userId, close }: { userId: string } & DialogFormProps) {
  const state = useActionForm<SetUserPassword>({
    schema: setUserPasswordSchema,
    defaultValues: { userId, password: "" },
    action: setUserPasswordAction,
    onSuccess: close,
  });

  return (
    <ActionForm state={state}>
      <NewPasswordFields control={state.form.control} name="password" description={null} />
      <DialogFooter>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Set password
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
