"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type ReactNode, useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { type PasswordConfirm, passwordConfirmSchema } from "@/lib/validations/account";

/** What the form's owner answers: nothing on success, or which message to show where. */
export type PasswordConfirmOutcome = null | { field: string } | { form: string };

interface PasswordConfirmFormProps {
  submitLabel: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  onConfirm: (password: string) => Promise<PasswordConfirmOutcome>;
  children?: ReactNode;
}

/** "Enter your password to continue": the step before a sensitive two-factor change. */
export function PasswordConfirmForm({
  submitLabel,
  pendingLabel,
  variant,
  onConfirm,
  children,
}: PasswordConfirmFormProps) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<PasswordConfirm>({
    resolver: zodResolver(passwordConfirmSchema),
    defaultValues: { password: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: PasswordConfirm) {
    setError(null);
    const outcome = await onConfirm(values.password);
    if (outcome && "field" in outcome) form.setError("password", { message: outcome.field });
    if (outcome && "form" in outcome) setError(outcome.form);
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
        {children}
        {error ? <FormAlert>{error}</FormAlert> : null}
        <FormField
          control={form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Password</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="current-password" autoFocus {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex justify-end">
          <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null}
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </form>
    </Form>
  );
}
