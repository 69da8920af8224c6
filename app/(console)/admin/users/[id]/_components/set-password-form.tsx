"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { setUserPasswordAction } from "@/lib/actions/users/set-user-password";
import { toast } from "@/lib/toast";
import { type SetUserPassword, setUserPasswordSchema } from "@/lib/validations/users";

interface SetPasswordFormProps {
  userId: string;
  /** Called once the password is set (the dialog closes, which also clears the form). */
  onDone: () => void;
}

/** The new password (loaded with the dialog: react-hook-form and zod stay off the page). */
export function SetPasswordForm({ userId, onDone }: SetPasswordFormProps) {
  const [error, setError] = useState<string | null>(null);
  const stepUp = useStepUp();
  const form = useForm<SetUserPassword>({
    resolver: zodResolver(setUserPasswordSchema),
    defaultValues: { userId, password: "" },
  });
  const pending = form.formState.isSubmitting;

  async function onSubmit(values: SetUserPassword) {
    setError(null);
    const result = await stepUp(() => setUserPasswordAction(values));
    if (!result.ok) {
      setError(result.error);
      if (result.fieldErrors?.password) form.setError("password", { message: result.fieldErrors.password });
      return;
    }
    toast.success(result.message);
    form.reset({ userId, password: "" });
    onDone();
  }

  return (
    <Form {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="grid gap-4">
        {error ? <FormAlert>{error}</FormAlert> : null}
        <FormField
          control={form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>New password</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="new-password" {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <DialogFooter>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {pending ? <Spinner /> : null} Set password
          </Button>
        </DialogFooter>
      </form>
    </Form>
  );
}
