"use client";

import { SubmitButton } from "@/components/auth/submit-button";
import { ActionForm } from "@/components/forms/action-form";
import { CurrentPasswordField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { type PasswordConfirm, passwordConfirmSchema } from "@/lib/validations/account";

type Success<T> = Extract<ActionResult<T>, { ok: true }>;

// better-auth's answer to a wrong password: its words ("Wrong password.") go under the field, not above the form.
const WRONG_PASSWORD = { INVALID_PASSWORD: "password" } as const;

interface PasswordConfirmFormProps<T> {
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  /** The change the password confirms: a better-auth client call wrapped with `fromAuth`; its message is toasted. */
  action: (password: string) => Promise<ActionResult<T>>;
  onSuccess?: (result: Success<T>) => void | Promise<void>;
}

/** "Enter your password to continue": the step before a sensitive two-factor change. */
export function PasswordConfirmForm<T>({
  submitLabel,
  pendingLabel,
  variant,
  action,
  onSuccess,
}: PasswordConfirmFormProps<T>) {
  const state = useActionForm<PasswordConfirm, T>({
    schema: passwordConfirmSchema,
    defaultValues: { password: "" },
    action: (values) => action(values.password),
    onSuccess,
    codeFields: WRONG_PASSWORD,
  });

  return (
    <ActionForm state={state}>
      <CurrentPasswordField control={state.form.control} name="password" autoFocus />
      <div className="flex justify-end">
        <SubmitButton pending={state.pending} pendingLabel={pendingLabel} variant={variant} className="">
          {submitLabel}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
