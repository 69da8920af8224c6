"use client";

import { ActionForm } from "@/components/forms/action-form";
import { NewPasswordFields } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { setFirstPasswordAction } from "@/lib/actions/account/set-first-password";
import { type ResetPassword, resetPasswordSchema } from "@/lib/validations/auth";

/** A first password for an account that signs in through a provider (behind "Confirm it's you"). */
export function SetPasswordForm({ onDone, close }: { onDone: () => void } & DialogFormProps) {
  const state = useActionForm<ResetPassword>({
    schema: resetPasswordSchema,
    defaultValues: { password: "", confirm: "" },
    action: setFirstPasswordAction,
    toast: false,
    onSuccess: () => {
      close();
      onDone();
    },
  });
  return (
    <ActionForm state={state}>
      <NewPasswordFields control={state.form.control} name="password" confirmName="confirm" />
      <DialogFooter>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Set password
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
