"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField, NameField, NewPasswordFields } from "@/components/forms/fields";
import type { DialogFormProps } from "@/components/forms/lazy-dialog";
import { RoleField } from "@/components/forms/role-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { createUserAction } from "@/lib/actions/users/create-user";
import { type CreateUser, createUserSchema } from "@/lib/validations/users";
import { ChoiceField } from "../../_components/operator-fields";
import { PLATFORM_ROLES } from "../../_components/platform-roles";

const PASSWORD_CHOICES = [
  { value: "link", label: "Email them a link to set one" },
  { value: "password", label: "Set a password now" },
] as const;

/** A new account: name, address, role and how its password is set (loaded with its dialog). */
export function CreateUserForm({ close }: DialogFormProps) {
  const router = useRouter();
  const state = useActionForm<CreateUser, { id: string }>({
    schema: createUserSchema,
    defaultValues: { name: "", email: "", role: "user", passwordMode: "link", password: "" },
    action: createUserAction,
    onSuccess: (result) => {
      close();
      if (result.data) router.push(`/admin/users/${result.data.id}`);
    },
  });
  const { control } = state.form;
  const mode = useWatch({ control, name: "passwordMode" });

  return (
    <ActionForm state={state}>
      <NameField control={control} name="name" autoComplete="off" />
      <EmailField control={control} name="email" autoComplete="off" />
      <RoleField control={control} name="role" roles={PLATFORM_ROLES} />
      <ChoiceField
        control={control}
        name="passwordMode"
        label="Password"
        idPrefix="create-user"
        choices={PASSWORD_CHOICES}
      />
      {mode === "password" ? (
        <NewPasswordFields
          control={control}
          name="password"
          description="They will be asked to verify their email address at first sign-in."
        />
      ) : null}
      <DialogFooter>
        <Button type="submit" disabled={state.pending} aria-busy={state.pending}>
          {state.pending ? <Spinner /> : null} Create user
        </Button>
      </DialogFooter>
    </ActionForm>
  );
}
