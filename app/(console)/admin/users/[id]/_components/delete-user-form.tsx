"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { deleteUserAction } from "@/lib/actions/users/delete-user";
import { type DeleteUser, deleteUserSchema } from "@/lib/validations/users";

/** The user's email address typed back, then the deletion (loaded with the dialog). */
export function DeleteUserForm({ userId, email, close }: { userId: string; email: string } & DialogFormProps) {
  const router = useRouter();
  const state = useActionForm<DeleteUser>({
    schema: deleteUserSchema,
    defaultValues: { userId, confirmation: "" },
    action: deleteUserAction,
    onSuccess: () => {
      close();
      router.push("/admin/users");
    },
  });
  const { control } = state.form;
  const confirmation = useWatch({ control, name: "confirmation" }) ?? "";
  const matches = confirmation.trim().toLowerCase() === email.toLowerCase();

  return (
    <ActionForm state={state}>
      <TextField control={control} name="confirmation" label={`Type ${email} to confirm`} autoComplete="off" />
      <DialogFooter>
        <Button type="button" variant="outline" onClick={close}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={!matches || state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Delete for good
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
